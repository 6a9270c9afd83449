import "server-only";
import type { Db } from "@/db/client";
import { localPreviewProvider } from "./providers/local-preview";
import { twilioProvider } from "./providers/twilio";
import { videoConfig } from "./twilio-video";

export type ProviderRecording = { recordingSid: string; status: string };

/**
 * One seam for the video service: every room, token, recording rule and recording goes through it. The domain
 * (sessions, participants, the guard) decides; a provider only carries the decision out.
 */
export interface VideoProvider {
  readonly mode: "twilio" | "local-preview";
  /** Opens the named room recording as decided, or finds it open and applies the decision to it. */
  openRoom(roomName: string, recording: boolean): Promise<{ roomSid: string }>;
  /** A short-lived token for this room only; the local preview needs none. */
  token(identity: string, roomName: string): string | null;
  /** Include-all while recording is allowed, exclude-all otherwise, always explicit. */
  applyRecordingRules(roomSid: string, recording: boolean): Promise<void>;
  /** Ends the room for everyone in it; a room already completed or unknown counts as ended. */
  endRoom(roomSid: string): Promise<void>;
  /** The provider's real-time transcription started or stopped, always explicit (a transcript only with consent). */
  applyTranscription(roomSid: string, on: boolean): Promise<void>;
  listRecordings(roomSid: string): Promise<ProviderRecording[]>;
  /** Deletes one recording; one already gone counts as deleted. */
  deleteRecording(recordingSid: string): Promise<void>;
  /** Whether a status callback really came from the provider. */
  verifyCallback(pathname: string, signature: string | null, params: Record<string, string>): boolean;
}

/** Chosen once from config: Twilio when its video credentials are set, else the local preview (demo, dev, tests). */
export function videoProvider(db: Db): VideoProvider {
  const config = videoConfig();
  return config ? twilioProvider(config) : localPreviewProvider(db);
}

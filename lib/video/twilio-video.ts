import "server-only";
import twilio from "twilio";
import { env, type TwilioVideoConfig } from "@/lib/env";
import { createTwilioClient } from "@/lib/twilio/client";

export type VideoConfig = TwilioVideoConfig;

/** Twilio Video credentials, or null: then sessions run in local preview mode. */
export const videoConfig = (): VideoConfig | null => env().twilioVideo;

export function videoClient(config: VideoConfig) {
  return createTwilioClient(config);
}

export const roomNameFor = (appointmentId: string) => `appointment-${appointmentId}`;
export const statusCallbackUrl = () => `${env().appUrl}/api/video/status`;

const TOKEN_TTL_SECONDS = 60 * 60;

/** A short-lived token that can join this one room and nothing else. */
export function roomToken(config: VideoConfig, identity: string, roomName: string): string {
  const token = new twilio.jwt.AccessToken(config.accountSid, config.apiKeySid, config.apiKeySecret, {
    identity,
    ttl: TOKEN_TTL_SECONDS,
  });
  token.addGrant(new twilio.jwt.AccessToken.VideoGrant({ room: roomName }));
  return token.toJwt();
}

/** Explicit rules both ways: include all while consent stands, exclude all otherwise. */
export async function applyRecordingRules(config: VideoConfig, roomSid: string, recording: boolean): Promise<void> {
  await videoClient(config)
    .video.v1.rooms(roomSid)
    .recordingRules.update({ rules: [{ type: recording ? "include" : "exclude", all: true }] });
}

/**
 * Twilio's real-time transcription of the room, both ways: on restarts the room's stopped transcription or creates
 * one; off stops every one that is started. Nothing is sent when the room is already as asked.
 */
export async function applyTranscription(config: VideoConfig, roomSid: string, on: boolean): Promise<void> {
  const transcriptions = videoClient(config).video.v1.rooms(roomSid).transcriptions;
  const existing = await transcriptions.list({ limit: 20 });
  if (on) {
    if (existing.some((t) => t.status === "started")) return;
    const stopped = existing[0];
    if (stopped) await transcriptions(stopped.ttid).update({ status: "started" });
    else await transcriptions.create();
    return;
  }
  for (const started of existing.filter((t) => t.status === "started"))
    await transcriptions(started.ttid).update({ status: "stopped" });
}

const ROOM_COMPLETED = 53118;
const NOT_FOUND = 20404;
type TwilioFailure = { status?: number; code?: number } | null | undefined;

/** Twilio reports the room completed or unknown: nothing in it can record any more. */
export function roomIsGone(error: unknown): boolean {
  const failure = error as TwilioFailure;
  return failure?.code === ROOM_COMPLETED || failure?.code === NOT_FOUND || failure?.status === 404;
}

/** Deletes one recording; one Twilio no longer has (404, e.g. deleted by an earlier attempt) counts as deleted. */
export async function deleteRecording(config: VideoConfig, recordingSid: string): Promise<void> {
  try {
    await videoClient(config).video.v1.recordings(recordingSid).remove();
  } catch (error) {
    if ((error as TwilioFailure)?.status !== 404) throw error;
  }
}

import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, videoSessionEvents, videoSessions } from "@/db/schema";
import { decideRecording } from "./consent";
import { liveSessionStatuses } from "./types";
import { applyRecordingRules, videoClient, videoConfig } from "./twilio-video";



/** After a withdrawal: every live room of the patient's that still records switches to exclude-all. */
export async function enforceRecordingConsent(db: Db, patientId: string): Promise<number> {
  const decision = await decideRecording(db, patientId);
  if (decision.recording) return 0; // consent was given again before this ran
  const live = await db
    .select({ id: videoSessions.id, roomSid: videoSessions.roomSid })
    .from(videoSessions)
    .innerJoin(appointments, eq(appointments.id, videoSessions.appointmentId))
    .where(and(eq(appointments.patientId, patientId), eq(videoSessions.recording, true), inArray(videoSessions.status, liveSessionStatuses)));
  const config = videoConfig();
  for (const session of live) {
    if (config && session.roomSid) await applyRecordingRules(config, session.roomSid, false);
    await db
      .update(videoSessions)
      .set({ recording: false, recordingReason: "consent_withdrawn", guardAction: "recording_stopped" })
      .where(eq(videoSessions.id, session.id));
  }
  return live.length;
}

export type RoomEvent = { RoomSid: string; StatusCallbackEvent: string; RecordingSid?: string; ParticipantIdentity?: string };

/** Twilio's room status callbacks: recorded, and a recording without stored consent is stopped, then deleted. */
export async function handleRoomEvent(db: Db, event: RoomEvent): Promise<string | null> {
  await db.insert(videoSessionEvents).values({
    roomSid: event.RoomSid,
    event: event.StatusCallbackEvent,
    recordingSid: event.RecordingSid ?? null,
    participantIdentity: event.ParticipantIdentity ?? null,
  });
  const [session] = await db
    .select({ id: videoSessions.id, patientId: appointments.patientId, guardAction: videoSessions.guardAction })
    .from(videoSessions)
    .innerJoin(appointments, eq(appointments.id, videoSessions.appointmentId))
    .where(eq(videoSessions.roomSid, event.RoomSid))
    .orderBy(desc(videoSessions.createdAt))
    .limit(1);
  if (!session) return null;
  const config = videoConfig();
  switch (event.StatusCallbackEvent) {
    case "recording-started": {
      if ((await decideRecording(db, session.patientId)).recording || !config) return null;
      await applyRecordingRules(config, event.RoomSid, false);
      await db.update(videoSessions).set({ recording: false, recordingReason: "no_consent", guardAction: "recording_stopped" }).where(eq(videoSessions.id, session.id));
      return "recording_stopped";
    }
    case "recording-completed": {
      if (session.guardAction !== "recording_stopped" || !config || !event.RecordingSid) return null;
      await videoClient(config).video.v1.recordings(event.RecordingSid).remove();
      await db.update(videoSessions).set({ guardAction: "recording_deleted" }).where(eq(videoSessions.id, session.id));
      return "recording_deleted";
    }
    case "room-ended":
      await db.update(videoSessions).set({ status: "ended", endedAt: new Date() }).where(eq(videoSessions.id, session.id));
      return "ended";
    default:
      return null;
  }
}

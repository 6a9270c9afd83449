import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, patientProfiles, videoSessions } from "@/db/schema";
import { decideRecording, type RecordingDecision } from "./consent";
import { applyRecordingRules, roomNameFor, roomToken, statusCallbackUrl, videoClient, videoConfig } from "./twilio-video";

export type SessionStart =
  | { ok: false; status: 404 | 409; message: string }
  | { ok: true; mode: "twilio" | "local-preview"; roomName: string; token: string | null; recording: boolean; reason: RecordingDecision["reason"] };

const ROOM_EXISTS = 53113;
const MAX_PARTICIPANTS = 4;

/** The clinician's own telehealth appointment, or nothing: callers answer 404 without saying why. */
export async function ownTelehealthAppointment(db: Db, clinicianId: string, appointmentId: string) {
  const [row] = await db
    .select({
      id: appointments.id,
      patientId: appointments.patientId,
      status: appointments.status,
      startsAt: appointments.startsAt,
      patientLastName: patientProfiles.lastName,
    })
    .from(appointments)
    .innerJoin(patientProfiles, eq(patientProfiles.userId, appointments.patientId))
    .where(and(eq(appointments.id, appointmentId), eq(appointments.clinicianId, clinicianId), eq(appointments.modality, "telehealth")));
  return row ?? null;
}

/**
 * Creates (or reuses and reconciles) the appointment's room with recording decided from stored consent now,
 * records the session with the ledger row the decision rests on, and returns a token for that room only.
 */
export async function startVideoSession(db: Db, clinicianId: string, appointmentId: string): Promise<SessionStart> {
  const appointment = await ownTelehealthAppointment(db, clinicianId, appointmentId);
  if (!appointment) return { ok: false, status: 404, message: "Not found." };
  if (appointment.status !== "scheduled") return { ok: false, status: 409, message: "This appointment is not scheduled." };
  const decision = await decideRecording(db, appointment.patientId);
  const roomName = roomNameFor(appointmentId);
  const config = videoConfig();
  let roomSid: string | null = null;
  if (config) {
    const client = videoClient(config);
    try {
      const room = await client.video.v1.rooms.create({
        uniqueName: roomName,
        type: "group",
        recordParticipantsOnConnect: decision.recording,
        statusCallback: statusCallbackUrl(),
        statusCallbackMethod: "POST",
        maxParticipants: MAX_PARTICIPANTS,
      });
      roomSid = room.sid;
    } catch (error) {
      if ((error as { code?: number }).code !== ROOM_EXISTS) throw error;
      // The room is already open (a rejoin): bring its recording in line with the consent stored now.
      const room = await client.video.v1.rooms(roomName).fetch();
      roomSid = room.sid;
      await applyRecordingRules(config, room.sid, decision.recording);
    }
  }
  // One live row per appointment: a rejoin supersedes the earlier decision, which stays as history.
  await db
    .update(videoSessions)
    .set({ status: "superseded" })
    .where(and(eq(videoSessions.appointmentId, appointmentId), inArray(videoSessions.status, ["in-progress", "local-preview"])));
  await db.insert(videoSessions).values({
    appointmentId,
    roomSid,
    roomName,
    recording: decision.recording,
    recordingReason: decision.reason,
    consentLedgerId: decision.consentLedgerId,
    createdBy: clinicianId,
    status: config ? "in-progress" : "local-preview",
  });
  return {
    ok: true,
    mode: config ? "twilio" : "local-preview",
    roomName,
    token: config ? roomToken(config, `clinician-${clinicianId}`, roomName) : null,
    recording: decision.recording,
    reason: decision.reason,
  };
}

/** What the page shows while the session runs: the latest session row's recording state. */
export async function currentRecordingState(db: Db, appointmentId: string) {
  const [session] = await db
    .select({ recording: videoSessions.recording, reason: videoSessions.recordingReason, status: videoSessions.status, guardAction: videoSessions.guardAction })
    .from(videoSessions)
    .where(eq(videoSessions.appointmentId, appointmentId))
    .orderBy(desc(videoSessions.createdAt))
    .limit(1);
  return session ?? null;
}

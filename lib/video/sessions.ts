import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, clinicians, patientProfiles, videoSessions } from "@/db/schema";
import { env } from "@/lib/env";
import { formatTime } from "@/lib/format";
import { decideRecording } from "./consent";
import { liveSessionStatuses, type RecordingReason } from "./types";
import { decideRoomNow, joinParticipant } from "./participants";
import { videoProvider } from "./provider";
import { enforceRoomConsent, noteStartRules } from "./recording-rules";
import { startWindow, startWindowState } from "./start-window";
import { roomNameFor } from "./twilio-video";

export type SessionStart =
  | { ok: false; status: 404 | 409 | 425; message: string }
  | {
      ok: true;
      mode: "twilio" | "local-preview";
      roomName: string;
      token: string | null;
      recording: boolean;
      reason: RecordingReason;
      transcribing: boolean;
    };

/** The clinician's own telehealth appointment, or nothing: callers answer 404 without saying why. */
export async function ownTelehealthAppointment(db: Db, clinicianId: string, appointmentId: string) {
  const [row] = await db
    .select({
      id: appointments.id,
      patientId: appointments.patientId,
      status: appointments.status,
      startsAt: appointments.startsAt,
      durationMinutes: appointments.durationMinutes,
      patientLastName: patientProfiles.lastName,
      clinicianName: clinicians.displayName,
      clinicianTimeZone: clinicians.timeZone,
    })
    .from(appointments)
    .innerJoin(patientProfiles, eq(patientProfiles.userId, appointments.patientId))
    .innerJoin(clinicians, eq(clinicians.userId, appointments.clinicianId))
    .where(
      and(
        eq(appointments.id, appointmentId),
        eq(appointments.clinicianId, clinicianId),
        eq(appointments.modality, "telehealth"),
      ),
    );
  return row ?? null;
}

/**
 * Creates (or reuses and reconciles) the appointment's room with recording decided from stored consent now,
 * records the session with the ledger row the decision rests on, and returns a token for that room only.
 */
export async function startVideoSession(
  db: Db,
  clinicianId: string,
  appointmentId: string,
  /** the clinician's own answers at the start: recording ticked unless unticked, transcription unticked unless ticked */
  clinicianAnswers: { recording?: boolean; transcription?: boolean } = {},
  now = new Date(),
): Promise<SessionStart> {
  const { recording: clinicianConsents = true, transcription: clinicianConsentsToTranscription = false } =
    clinicianAnswers;
  const appointment = await ownTelehealthAppointment(db, clinicianId, appointmentId);
  if (!appointment) return { ok: false, status: 404, message: "Not found." };
  if (appointment.status !== "scheduled")
    return { ok: false, status: 409, message: "This appointment is not scheduled." };
  const refusal = outsideStartWindow(appointment, now);
  if (refusal) return refusal;
  // The clinician is a party too: their answer at the start, then every present participant's, decide.
  await joinParticipant(db, {
    appointmentId,
    role: "clinician",
    identity: `clinician-${clinicianId}`,
    userId: clinicianId,
    displayName: appointment.clinicianName,
    recordingConsent: clinicianConsents,
    transcriptionConsent: clinicianConsentsToTranscription,
  });
  const [decision, room] = await Promise.all([
    decideRecording(db, appointment.patientId),
    decideRoomNow(db, appointmentId),
  ]);
  const roomName = roomNameFor(appointmentId);
  const provider = videoProvider(db);
  const { roomSid } = await provider.openRoom(roomName, room.recording);
  // Explicit both ways, as recording is: a rejoined room that transcribed stops unless it may go on.
  await provider.applyTranscription(roomSid, room.transcription.transcribing);
  const sessionId = await recordLiveSession(db, {
    appointmentId,
    roomSid,
    roomName,
    recording: room.recording,
    recordingReason: room.recording || !decision.recording ? decision.reason : "participant_not_consented",
    transcribing: room.transcription.transcribing,
    consentLedgerId: decision.consentLedgerId,
    createdBy: clinicianId,
    status: provider.mode === "twilio" ? "in-progress" : "local-preview",
  });
  if (sessionId === null)
    return { ok: false, status: 409, message: "This session is being started elsewhere. Please try again." };
  await noteStartRules(db, appointmentId, roomSid, room.recording, room.transcription.transcribing);
  // Re-read now that the row is visible, under the visit's lock and with its rule-change row: a withdrawal that
  // committed before our row did found no row to stop, and someone present may have declined (recording or
  // transcription) while the room was being opened.
  if (room.recording || room.transcription.transcribing) {
    const withdrawn = room.recording && !(await decideRecording(db, appointment.patientId)).recording;
    await enforceRoomConsent(db, appointmentId, withdrawn ? "withdraw" : "join");
  }
  const state = await currentRecordingState(db, appointmentId);
  return {
    ok: true,
    mode: provider.mode,
    roomName,
    token: provider.token(`clinician-${clinicianId}`, roomName),
    recording: state?.recording ?? false,
    reason: state?.reason ?? decision.reason,
    transcribing: state?.transcribing ?? false,
  };
}

/** Too early (saying when it opens, in the clinician's time) or over: no room is opened outside the start window. */
function outsideStartWindow(
  appointment: { startsAt: Date; durationMinutes: number; clinicianTimeZone: string },
  now: Date,
): Extract<SessionStart, { ok: false }> | null {
  const minutesBefore = env().video.startMinutesBefore;
  const state = startWindowState(appointment, minutesBefore, now);
  if (state === "ended") return { ok: false, status: 409, message: "This visit has ended." };
  if (state === "open") return null;
  const opensAt = formatTime(startWindow(appointment, minutesBefore).opensAt, appointment.clinicianTimeZone);
  return { ok: false, status: 425, message: `You can start this session from ${opensAt}.` };
}

const isLive = inArray(videoSessions.status, liveSessionStatuses);
const LIVE_SESSION_ATTEMPTS = 3;

/**
 * One live row per appointment: supersede and insert in one transaction, serialized per appointment by an advisory
 * lock, so two tabs starting the same room leave one live row. Null if the unique index still refused every attempt.
 */
async function recordLiveSession(db: Db, session: typeof videoSessions.$inferInsert): Promise<string | null> {
  for (let attempt = 1; attempt <= LIVE_SESSION_ATTEMPTS; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        await tx.execute(
          sql`select pg_advisory_xact_lock(hashtext('video_sessions'), hashtext(${session.appointmentId}))`,
        );
        const superseded = await tx
          .update(videoSessions)
          .set({ status: "superseded" })
          .where(and(eq(videoSessions.appointmentId, session.appointmentId), isLive))
          .returning({ roomSid: videoSessions.roomSid, guardAction: videoSessions.guardAction });
        // A rejoin that still does not record keeps the room's guard, so recordings finishing later are still deleted.
        const guarded = session.recording
          ? undefined
          : superseded.find((row) => row.roomSid === session.roomSid && row.guardAction);
        const [row] = await tx
          .insert(videoSessions)
          .values({ ...session, guardAction: guarded?.guardAction ?? null })
          .returning({ id: videoSessions.id });
        return row!.id;
      });
    } catch (error) {
      // The partial unique index is the database's guarantee: a writer that bypassed the lock won; try again.
      if (!isLiveSessionConflict(error)) throw error;
    }
  }
  return null;
}

type DatabaseFailure = {
  code?: string;
  constraint_name?: string;
  constraint?: string;
  message?: string;
  cause?: unknown;
};

/** A unique violation of video_sessions_live_idx, from either driver (drizzle wraps the driver's error as the cause). */
function isLiveSessionConflict(error: unknown): boolean {
  const failure = error as DatabaseFailure | null | undefined;
  if (!failure) return false;
  const names = [failure.constraint_name, failure.constraint, failure.message].join(" ");
  return (
    (failure.code === "23505" && names.includes("video_sessions_live_idx")) || isLiveSessionConflict(failure.cause)
  );
}

/** What the page shows while the session runs: the latest session row's recording state. */
export async function currentRecordingState(db: Db, appointmentId: string) {
  const [session] = await db
    .select({
      recording: videoSessions.recording,
      reason: videoSessions.recordingReason,
      transcribing: videoSessions.transcribing,
      status: videoSessions.status,
      guardAction: videoSessions.guardAction,
    })
    .from(videoSessions)
    .where(eq(videoSessions.appointmentId, appointmentId))
    .orderBy(desc(isLive), desc(videoSessions.createdAt))
    .limit(1);
  return session ?? null;
}

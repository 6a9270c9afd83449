import "server-only";
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, videoRecordings, videoRuleChanges, videoSessions } from "@/db/schema";
import { deletionReasonOf } from "./deletion-reason";
import { decideRecording, decideTranscriptionConsent } from "./consent";
import { enforceRoomConsent } from "./recording-rules";
import { liveSessionStatuses, type GuardAction } from "./types";
import { videoProvider, type VideoProvider } from "./provider";
import { roomIsGone } from "./twilio-video";

export type EnforcementResult = { stopped: number; ended: number; failed: number };

const isLive = inArray(videoSessions.status, liveSessionStatuses);
/** Sets endedAt once: a later report of the same end changes nothing. */
const endedOnce = { status: "ended" as const, endedAt: sql`coalesce(${videoSessions.endedAt}, now())` };

/**
 * After a withdrawal: every live room of the patient's that still records switches to exclude-all, each on its own.
 * A room Twilio reports completed or unknown is marked ended. If any room failed otherwise, this throws once all the
 * others are handled, so the caller retries; the retry finds only the rooms still recording.
 */
export async function enforceRecordingConsent(db: Db, patientId: string): Promise<EnforcementResult> {
  const result: EnforcementResult = { stopped: 0, ended: 0, failed: 0 };
  const decision = await decideRecording(db, patientId);
  if (decision.recording) return result; // consent was given again before this ran
  const live = await db
    .select({
      id: videoSessions.id,
      roomSid: videoSessions.roomSid,
      appointmentId: videoSessions.appointmentId,
      transcribing: videoSessions.transcribing,
    })
    .from(videoSessions)
    .innerJoin(appointments, eq(appointments.id, videoSessions.appointmentId))
    .where(and(eq(appointments.patientId, patientId), eq(videoSessions.recording, true), isLive))
    .orderBy(asc(videoSessions.createdAt));
  const provider = videoProvider(db);
  let firstFailure: unknown;
  for (const session of live) {
    try {
      if (session.roomSid) await provider.applyRecordingRules(session.roomSid, false);
      await db
        .update(videoSessions)
        .set({ recording: false, recordingReason: "consent_withdrawn", guardAction: "recording_stopped" })
        .where(eq(videoSessions.id, session.id));
      await db.insert(videoRuleChanges).values({
        appointmentId: session.appointmentId,
        roomSid: session.roomSid,
        recording: false,
        // Recording consent only: transcription, consented apart, keeps its state in the log.
        transcription: session.transcribing,
        cause: "withdraw",
      });
      result.stopped++;
    } catch (error) {
      if (roomIsGone(error)) {
        await db
          .update(videoSessions)
          .set(endedOnce)
          .where(and(eq(videoSessions.id, session.id), isLive));
        result.ended++;
      } else {
        result.failed++;
        firstFailure ??= error;
      }
    }
  }
  if (result.failed > 0) {
    throw new Error(
      `Recording not stopped in ${result.failed} of ${live.length} rooms (stopped ${result.stopped}, ended ${result.ended})`,
      { cause: firstFailure },
    );
  }
  return result;
}

/**
 * After a transcription withdrawal: every live room of the patient's that still transcribes stops, each in its
 * appointment's lock as a decline would (recording is left to its own consent). A room Twilio reports completed or
 * unknown is marked ended; any other failure throws once the others are handled, so the caller retries.
 */
export async function enforceTranscriptionConsent(db: Db, patientId: string): Promise<EnforcementResult> {
  const result: EnforcementResult = { stopped: 0, ended: 0, failed: 0 };
  if ((await decideTranscriptionConsent(db, patientId)).transcription) return result; // given again before this ran
  const live = await db
    .select({ id: videoSessions.id, appointmentId: videoSessions.appointmentId })
    .from(videoSessions)
    .innerJoin(appointments, eq(appointments.id, videoSessions.appointmentId))
    .where(and(eq(appointments.patientId, patientId), eq(videoSessions.transcribing, true), isLive))
    .orderBy(asc(videoSessions.createdAt));
  let firstFailure: unknown;
  for (const session of live) {
    try {
      await enforceRoomConsent(db, session.appointmentId, "withdraw");
      result.stopped++;
    } catch (error) {
      if (roomIsGone(error)) {
        await db
          .update(videoSessions)
          .set(endedOnce)
          .where(and(eq(videoSessions.id, session.id), isLive));
        result.ended++;
      } else {
        result.failed++;
        firstFailure ??= error;
      }
    }
  }
  if (result.failed > 0) {
    throw new Error(`Transcription not stopped in ${result.failed} of ${live.length} rooms`, { cause: firstFailure });
  }
  return result;
}

export type RoomEvent = {
  RoomSid: string;
  StatusCallbackEvent: string;
  RecordingSid?: string;
  ParticipantIdentity?: string;
};
export type RoomEventAction = GuardAction | "ended" | null;

/** Twilio's recording status as each room callback reports it. */
const recordingStatusOf: Record<string, string> = {
  "recording-started": "in-progress",
  "recording-completed": "completed",
  "recording-failed": "failed",
};

/**
 * Twilio's room status callbacks, in any order and replayed any number of times: each recording is kept by its SID, a
 * recording without stored consent is stopped, and every completed recording of a guarded room is deleted once. Each
 * step is durable on its own, so a retry after a failure redoes only what is left. The callback itself is logged, once,
 * by `receiveRoomCallback` (room-callbacks.ts) after this succeeded.
 */
export async function handleRoomEvent(db: Db, event: RoomEvent): Promise<RoomEventAction> {
  const recordingStatus = recordingStatusOf[event.StatusCallbackEvent];
  if (event.RecordingSid && recordingStatus)
    await noteRecording(db, event.RoomSid, event.RecordingSid, recordingStatus);
  const session = await latestSessionOfRoom(db, event.RoomSid);
  if (!session) return null;
  const provider = videoProvider(db);
  let action: RoomEventAction = null;
  if (event.StatusCallbackEvent === "room-ended") {
    const ended = await db
      .update(videoSessions)
      .set(endedOnce)
      .where(and(eq(videoSessions.roomSid, event.RoomSid), isLive))
      .returning({ id: videoSessions.id });
    action = ended.length > 0 ? "ended" : null;
  } else if (event.StatusCallbackEvent === "recording-started" && provider.mode === "twilio") {
    action = await stopUnconsentedRecording(db, provider, session, event.RoomSid);
  }
  if (provider.mode !== "twilio" || (session.guardAction === null && action !== "recording_stopped")) return action;
  const deleted = await deleteCompletedRecordings(db, provider, session.id, event.RoomSid);
  return deleted > 0 ? "recording_deleted" : action;
}

type RoomSession = NonNullable<Awaited<ReturnType<typeof latestSessionOfRoom>>>;

/** The room's session row that decides for it: the live one, else the latest. */
async function latestSessionOfRoom(db: Db, roomSid: string) {
  const [session] = await db
    .select({
      id: videoSessions.id,
      appointmentId: videoSessions.appointmentId,
      patientId: appointments.patientId,
      status: videoSessions.status,
      guardAction: videoSessions.guardAction,
    })
    .from(videoSessions)
    .innerJoin(appointments, eq(appointments.id, videoSessions.appointmentId))
    .where(eq(videoSessions.roomSid, roomSid))
    .orderBy(desc(isLive), desc(videoSessions.createdAt))
    .limit(1);
  return session;
}

/** Keeps the recording by SID; a terminal status is never taken back by a late or replayed `recording-started`. */
async function noteRecording(db: Db, roomSid: string, recordingSid: string, status: string) {
  await db
    .insert(videoRecordings)
    .values({ recordingSid, roomSid, status })
    .onConflictDoUpdate({
      target: videoRecordings.recordingSid,
      set: { status, updatedAt: new Date() },
      setWhere: sql`${videoRecordings.status} = 'in-progress'`,
    });
}

/** A recording started without stored consent: exclude-all, and the room is guarded from then on. Decides once. */
async function stopUnconsentedRecording(
  db: Db,
  provider: VideoProvider,
  session: RoomSession,
  roomSid: string,
): Promise<RoomEventAction> {
  // Already guarded, or the room is over: a late or replayed start reopens nothing.
  if (session.guardAction !== null || session.status === "ended") return null;
  const decision = await decideRecording(db, session.patientId);
  if (decision.recording) return null;
  // The session row stays locked while Twilio applies the rules: a duplicate callback at the same moment waits, then
  // finds the room guarded and sends nothing.
  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select({
        status: videoSessions.status,
        guardAction: videoSessions.guardAction,
        recordingReason: videoSessions.recordingReason,
        transcribing: videoSessions.transcribing,
      })
      .from(videoSessions)
      .where(eq(videoSessions.id, session.id))
      .for("update");
    if (!locked || locked.guardAction !== null || locked.status === "ended") return null;
    try {
      if (locked.status === "in-progress") await provider.applyRecordingRules(roomSid, false);
    } catch (error) {
      if (!roomIsGone(error)) throw error;
    }
    await tx
      .update(videoSessions)
      .set({
        recording: false,
        recordingReason: locked.recordingReason === "consent_given" ? "consent_withdrawn" : "no_consent",
        guardAction: "recording_stopped",
      })
      .where(eq(videoSessions.id, session.id));
    // Logged like every other rule change: the receipt says the recording stopped because it started unconsented.
    await tx.insert(videoRuleChanges).values({
      appointmentId: session.appointmentId,
      roomSid,
      recording: false,
      transcription: locked.transcribing,
      cause: "guard",
    });
    return "recording_stopped" as const;
  });
}

/**
 * Deletes each completed, not yet deleted recording of a guarded room, each on its own. The row is locked while Twilio
 * deletes it: a concurrent duplicate waits, then finds it deleted (or, if that delete failed, deletes it itself), so
 * it is never deleted twice nor skipped by a callback that then records its receipt. Throws after the others if any failed.
 */
async function deleteCompletedRecordings(
  db: Db,
  provider: VideoProvider,
  sessionId: string,
  roomSid: string,
): Promise<number> {
  const pending = await db
    .select({ recordingSid: videoRecordings.recordingSid })
    .from(videoRecordings)
    .where(
      and(
        eq(videoRecordings.roomSid, roomSid),
        eq(videoRecordings.status, "completed"),
        isNull(videoRecordings.deletedAt),
      ),
    );
  let deleted = 0;
  let firstFailure: unknown;
  const deletedReason = pending.length > 0 ? await deletionReasonOf(db, roomSid) : null;
  for (const { recordingSid } of pending) {
    try {
      const claimed = await db.transaction(async (tx) => {
        const [row] = await tx
          .select({ recordingSid: videoRecordings.recordingSid })
          .from(videoRecordings)
          .where(and(eq(videoRecordings.recordingSid, recordingSid), isNull(videoRecordings.deletedAt)))
          .for("update");
        if (!row) return false;
        await provider.deleteRecording(recordingSid);
        await tx
          .update(videoRecordings)
          .set({ deletedAt: new Date(), deletedReason, updatedAt: new Date() })
          .where(eq(videoRecordings.recordingSid, recordingSid));
        return true;
      });
      if (claimed) deleted++;
    } catch (error) {
      firstFailure ??= error;
    }
  }
  await refreshGuardAction(db, sessionId, roomSid);
  if (firstFailure) throw new Error(`Recordings of room ${roomSid} not all deleted`, { cause: firstFailure });
  return deleted;
}

/** `recording_deleted` once a recording was deleted and none is left recording or undeleted; else `recording_stopped`. */
async function refreshGuardAction(db: Db, sessionId: string, roomSid: string) {
  const ofRoom = sql`${videoRecordings} where ${videoRecordings.roomSid} = ${roomSid}`;
  await db
    .update(videoSessions)
    .set({
      guardAction: sql<GuardAction>`case when exists (select 1 from ${ofRoom} and ${videoRecordings.deletedAt} is not null)
        and not exists (select 1 from ${ofRoom} and ${videoRecordings.deletedAt} is null and ${videoRecordings.status} in ('in-progress', 'completed'))
        then 'recording_deleted' else 'recording_stopped' end`,
    })
    .where(and(eq(videoSessions.id, sessionId), sql`${videoSessions.guardAction} is not null`));
}

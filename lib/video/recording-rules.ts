import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { videoRuleChanges, videoSessions } from "@/db/schema";
import { env } from "@/lib/env";
import { recordingOffReason, transcriptionOffReason } from "./consent-policy";
import { decideRoomNow, joinParticipant, type Joining } from "./participants";
import { videoProvider } from "./provider";
import { liveSessionStatuses, type RecordingReason, type RuleCause } from "./types";

const isLive = inArray(videoSessions.status, liveSessionStatuses);

/** Serializes every recording change of one appointment (the same lock the session start takes). */
export const lockAppointment = (tx: Db, appointmentId: string) =>
  tx.execute(sql`select pg_advisory_xact_lock(hashtext('video_sessions'), hashtext(${appointmentId}))`);

export async function liveSession(tx: Db, appointmentId: string) {
  const [session] = await tx
    .select({
      id: videoSessions.id,
      roomSid: videoSessions.roomSid,
      recording: videoSessions.recording,
      transcribing: videoSessions.transcribing,
    })
    .from(videoSessions)
    .where(and(eq(videoSessions.appointmentId, appointmentId), isLive))
    .orderBy(desc(videoSessions.createdAt))
    .limit(1);
  return session ?? null;
}

/** Why the room went off: the patient's stored consent (withdrawn now, absent, or lapsed) first, then a participant. */
const offReason = (decision: Awaited<ReturnType<typeof decideRoomNow>>, cause: RuleCause): RecordingReason =>
  !decision.patientStoredConsent
    ? cause === "withdraw"
      ? "consent_withdrawn"
      : decision.patientReason === "consent_version_lapsed"
        ? "consent_version_lapsed"
        : "no_consent"
    : "participant_not_consented";

const guardsRoom = (cause: RuleCause) =>
  cause === "withdraw" || (cause === "stop" && env().video.recordingAfterStop === "delete");

/**
 * After a join, an answer, a leave or a withdrawal: a recording room that may no longer record is switched to
 * exclude-all at once, and a transcribing room that may no longer transcribe stops transcribing, in the same lock. It
 * never switches either on: only the clinician's resume does. Returns whether recording rules were sent.
 */
export async function enforceRoomConsent(
  db: Db,
  appointmentId: string,
  cause: RuleCause,
  participantId: string | null = null,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    await lockAppointment(tx, appointmentId);
    const session = await liveSession(tx, appointmentId);
    if (!session?.recording && !session?.transcribing) return false;
    const decision = await decideRoomNow(tx, appointmentId);
    const stopRecording = session.recording && !decision.recording;
    const stopTranscription = session.transcribing && !decision.transcription.transcribing;
    if (!stopRecording && !stopTranscription) return false;
    const provider = videoProvider(tx);
    if (session.roomSid && stopRecording) await provider.applyRecordingRules(session.roomSid, false);
    if (session.roomSid && stopTranscription) await provider.applyTranscription(session.roomSid, false);
    await tx
      .update(videoSessions)
      .set({
        ...(stopRecording
          ? {
              recording: false,
              recordingReason: offReason(decision, cause),
              // A withdrawal of recording consent guards the room as its enforcement does: its recordings are deleted.
              // So does the patient's stop where the clinic deletes what was recorded before it.
              ...(guardsRoom(cause) && (cause !== "withdraw" || !decision.patientStoredConsent)
                ? { guardAction: "recording_stopped" as const }
                : {}),
            }
          : {}),
        ...(stopTranscription ? { transcribing: false } : {}),
        updatedAt: new Date(),
      })
      .where(eq(videoSessions.id, session.id));
    await tx.insert(videoRuleChanges).values({
      appointmentId,
      roomSid: session.roomSid,
      recording: session.recording && !stopRecording,
      transcription: session.transcribing && !stopTranscription,
      cause,
      participantId,
    });
    return stopRecording;
  });
}

export type ResumeResult = { ok: true; recording: boolean } | { ok: false; status: 404 | 409; message: string };

/** The clinician resumes recording: only if every present participant has consented now, read under the lock. */
export async function resumeRecording(db: Db, appointmentId: string): Promise<ResumeResult> {
  const result = await db.transaction(async (tx): Promise<ResumeResult> => {
    await lockAppointment(tx, appointmentId);
    const session = await liveSession(tx, appointmentId);
    if (!session) return { ok: false, status: 409, message: "The session has not started." };
    if (session.recording) return { ok: true, recording: true };
    const decision = await decideRoomNow(tx, appointmentId);
    if (!decision.recording) return { ok: false, status: 409, message: `${recordingOffReason(decision.blockers)}.` };
    if (session.roomSid) await videoProvider(tx).applyRecordingRules(session.roomSid, true);
    await tx
      .update(videoSessions)
      .set({ recording: true, recordingReason: "consent_given", updatedAt: new Date() })
      .where(eq(videoSessions.id, session.id));
    await tx.insert(videoRuleChanges).values({
      appointmentId,
      roomSid: session.roomSid,
      recording: true,
      transcription: session.transcribing,
      cause: "resume",
    });
    return { ok: true, recording: true };
  });
  // A withdrawal that committed while we held the lock found the room not yet recording: read again now.
  if (result.ok && (await enforceRoomConsent(db, appointmentId, "withdraw"))) return { ok: true, recording: false };
  return result;
}

export type ResumeTranscriptionResult =
  { ok: true; transcribing: boolean } | { ok: false; status: 404 | 409; message: string };

/** The clinician resumes transcription: only if its consent stands and everyone present said yes, read under the lock. */
export async function resumeTranscription(db: Db, appointmentId: string): Promise<ResumeTranscriptionResult> {
  const result = await db.transaction(async (tx): Promise<ResumeTranscriptionResult> => {
    await lockAppointment(tx, appointmentId);
    const session = await liveSession(tx, appointmentId);
    if (!session) return { ok: false, status: 409, message: "The session has not started." };
    if (session.transcribing) return { ok: true, transcribing: true };
    const { transcription } = await decideRoomNow(tx, appointmentId);
    if (!transcription.transcribing)
      return { ok: false, status: 409, message: `${transcriptionOffReason(transcription.blockers)}.` };
    if (session.roomSid) await videoProvider(tx).applyTranscription(session.roomSid, true);
    await tx
      .update(videoSessions)
      .set({ transcribing: true, updatedAt: new Date() })
      .where(eq(videoSessions.id, session.id));
    await tx.insert(videoRuleChanges).values({
      appointmentId,
      roomSid: session.roomSid,
      recording: session.recording,
      transcription: true,
      cause: "resume",
    });
    return { ok: true, transcribing: true };
  });
  if (!result.ok) return result;
  // A withdrawal that committed while we held the lock found the room not yet transcribing: read again now.
  await enforceRoomConsent(db, appointmentId, "withdraw");
  const [session] = await db
    .select({ transcribing: videoSessions.transcribing })
    .from(videoSessions)
    .where(and(eq(videoSessions.appointmentId, appointmentId), isLive))
    .limit(1);
  return { ok: true, transcribing: session?.transcribing ?? false };
}

/** Logs the rules a session start sent, so the receipt and the admin view see every change. */
export async function noteStartRules(
  db: Db,
  appointmentId: string,
  roomSid: string | null,
  recording: boolean,
  transcription = false,
) {
  await db.insert(videoRuleChanges).values({ appointmentId, roomSid, recording, transcription, cause: "start" });
}

/** Someone joins (with their answer, if given now): the room stops recording at once if they have not consented. */
export async function joinAndHoldRoom(db: Db, joining: Joining): Promise<string> {
  const participantId = await joinParticipant(db, joining);
  const declined = joining.recordingConsent === false || joining.transcriptionConsent === false;
  await enforceRoomConsent(db, joining.appointmentId, declined ? "decline" : "join", participantId);
  return participantId;
}

import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { videoRuleChanges, videoSessions } from "@/db/schema";
import { env } from "@/lib/env";
import { recordingOffReason } from "./consent-policy";
import { decideRoomNow, joinParticipant, type Joining } from "./participants";
import { videoProvider } from "./provider";
import { liveSessionStatuses, type RecordingReason, type RuleCause } from "./types";

const isLive = inArray(videoSessions.status, liveSessionStatuses);

/** Serializes every recording change of one appointment (the same lock the session start takes). */
export const lockAppointment = (tx: Db, appointmentId: string) =>
  tx.execute(sql`select pg_advisory_xact_lock(hashtext('video_sessions'), hashtext(${appointmentId}))`);

export async function liveSession(tx: Db, appointmentId: string) {
  const [session] = await tx
    .select({ id: videoSessions.id, roomSid: videoSessions.roomSid, recording: videoSessions.recording })
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
 * exclude-all at once. It never switches recording on: only the clinician's resume does. Returns whether rules were sent.
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
    if (!session?.recording) return false;
    const decision = await decideRoomNow(tx, appointmentId);
    if (decision.recording) return false;
    if (session.roomSid) await videoProvider(tx).applyRecordingRules(session.roomSid, false);
    await tx
      .update(videoSessions)
      .set({
        recording: false,
        recordingReason: offReason(decision, cause),
        // A withdrawal guards the room as the withdrawal enforcement does: its recordings are deleted. So does the
        // patient's stop where the clinic deletes what was recorded before it.
        ...(guardsRoom(cause) ? { guardAction: "recording_stopped" as const } : {}),
        updatedAt: new Date(),
      })
      .where(eq(videoSessions.id, session.id));
    await tx
      .insert(videoRuleChanges)
      .values({ appointmentId, roomSid: session.roomSid, recording: false, cause, participantId });
    return true;
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
    await tx
      .insert(videoRuleChanges)
      .values({ appointmentId, roomSid: session.roomSid, recording: true, cause: "resume" });
    return { ok: true, recording: true };
  });
  // A withdrawal that committed while we held the lock found the room not yet recording: read again now.
  if (result.ok && (await enforceRoomConsent(db, appointmentId, "withdraw"))) return { ok: true, recording: false };
  return result;
}

/** Logs the rules a session start sent, so the receipt and the admin view see every change. */
export async function noteStartRules(db: Db, appointmentId: string, roomSid: string | null, recording: boolean) {
  await db.insert(videoRuleChanges).values({ appointmentId, roomSid, recording, cause: "start" });
}

/** Someone joins (with their answer, if given now): the room stops recording at once if they have not consented. */
export async function joinAndHoldRoom(db: Db, joining: Joining): Promise<string> {
  const participantId = await joinParticipant(db, joining);
  await enforceRoomConsent(
    db,
    joining.appointmentId,
    joining.recordingConsent === false ? "decline" : "join",
    participantId,
  );
  return participantId;
}

import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  appointments,
  preferenceLedger,
  videoParticipants,
  videoRecordings,
  videoRuleChanges,
  videoSessions,
} from "@/db/schema";
import type {
  GuardAction,
  ParticipantRole,
  RecordingDeletionReason,
  RecordingReason,
  RuleCause,
  VideoSessionStatus,
} from "./types";

type Who = { role: ParticipantRole; displayName: string };

/** The rows a receipt is read from: one visit's sessions, rule changes, participants, recordings and consent entry. */
export type ReceiptRows = {
  sessions: {
    roomSid: string | null;
    status: VideoSessionStatus;
    recordingReason: RecordingReason;
    guardAction: GuardAction | null;
    endedAt: Date | null;
    createdAt: Date;
  }[];
  /** in the order they were sent */
  ruleChanges: {
    roomSid: string | null;
    recording: boolean;
    /** the provider's transcription as it stood after the change */
    transcription: boolean;
    cause: RuleCause;
    createdAt: Date;
    participant: Who | null;
  }[];
  participants: (Who & { recordingConsent: boolean | null })[];
  recordings: {
    roomSid: string;
    status: string;
    deletedAt: Date | null;
    deletedReason: RecordingDeletionReason | null;
  }[];
  /** the patient's stored consent the room rested on (its ledger row), when it was a consent given */
  patientConsent: { givenAt: Date; version: string | null } | null;
};

/** What a stretch is of: recording and transcription are consented, held and receipted apart. */
type Kind = "recording" | "transcription";

/** One stretch of time the room was held to "on"; `to` is null while it still is. */
export type ReceiptInterval = { from: Date; to: Date | null; stopped: string | null };

export type VisitReceipt = {
  recorded: boolean;
  intervals: ReceiptInterval[];
  /** each stretch the provider transcribed, read from the same rule changes (consented apart) */
  transcribed: ReceiptInterval[];
  /** the one line why, when nothing was recorded */
  notRecorded: string | null;
  /** whose consent it rested on: the patient's stored consent and everyone else who said yes ("Dr Okafor, Gil (companion)") */
  consent: { patient: ReceiptRows["patientConsent"]; others: string | null } | null;
  deletions: { at: Date; reason: string }[];
  /** a completed recording not deleted (nor about to be): kept under the clinic's records retention */
  kept: boolean;
  /** a recording of a guarded room that has not been deleted yet */
  deletionPending: boolean;
};

/** The patient reads "you"; the clinician by name; a guest by name and role ("Gil (companion)"). Nothing else of anyone. */
const whoIs = (who: Who | null) =>
  !who
    ? "someone"
    : who.role === "patient"
      ? "you"
      : who.role === "clinician"
        ? who.displayName
        : `${who.displayName} (${who.role})`;

/** Why recording (or transcription) went off, as the patient reads it. */
function stoppedBecause(change: ReceiptRows["ruleChanges"][number], what: Kind): string {
  const who = change.participant;
  const stopReasons: Record<RuleCause, () => string> = {
    stop: () => `you stopped ${what}`,
    withdraw: () => "you withdrew consent",
    decline: () =>
      who?.role === "patient"
        ? `you chose not to ${what === "recording" ? "record" : "transcribe"} this visit`
        : `stopped when ${whoIs(who)} declined`,
    join: () =>
      who?.role === "patient"
        ? `stopped when you joined without agreeing to ${what === "recording" ? "record" : "transcribe"} this visit`
        : `stopped when ${whoIs(who)} joined without consenting`,
    guard: () => "stopped: it started without your consent stored",
    start: () => "stopped when the visit was restarted without everyone's consent",
    resume: () => "stopped",
    leave: () => `stopped when ${whoIs(who)} left`,
    end: () => "the visit ended",
  };
  return stopReasons[change.cause]();
}

/**
 * The stretches a room was held to "on", from its rule changes: on → off, or on until the room ended (null: still on).
 * `isOn` reads one kind of rule (recording now; a transcription line can be read from the same rows).
 */
export function onIntervals<C extends ReceiptRows["ruleChanges"][number]>(
  changes: C[],
  isOn: (change: C) => boolean,
  roomEnd: (roomSid: string | null) => Date | null,
  what: Kind = "recording",
): ReceiptInterval[] {
  const intervals: ReceiptInterval[] = [];
  const open = new Map<string | null, ReceiptInterval>();
  for (const change of changes) {
    const current = open.get(change.roomSid);
    if (isOn(change) && !current) {
      const interval = { from: change.createdAt, to: null, stopped: null };
      open.set(change.roomSid, interval);
      intervals.push(interval);
    } else if (!isOn(change) && current) {
      Object.assign(current, { to: change.createdAt, stopped: stoppedBecause(change, what) });
      open.delete(change.roomSid);
    }
  }
  for (const [roomSid, interval] of open) {
    const end = roomEnd(roomSid);
    if (end) Object.assign(interval, { to: end, stopped: "until the visit ended" });
  }
  return intervals.sort((a, b) => a.from.getTime() - b.from.getTime());
}

/** A room ends when its last session ended, or when a later session opened another room. */
function roomEnds(sessions: ReceiptRows["sessions"]) {
  return (roomSid: string | null): Date | null => {
    const ofRoom = sessions.filter((s) => s.roomSid === roomSid);
    const last = ofRoom.at(-1);
    if (!last) return null;
    if (last.endedAt) return last.endedAt;
    const next = sessions.find((s) => s.createdAt > last.createdAt && s.roomSid !== roomSid);
    return next?.createdAt ?? null;
  };
}

const deletionReasons: Record<RecordingDeletionReason, string> = {
  consent_withdrawn: "you withdrew consent",
  recorded_without_consent: "it was made without everyone's consent",
  stopped_by_patient: "you stopped recording, and the clinic deletes recordings stopped by the patient",
};

/** The one line for a visit never recorded, from the last decision made for its room. */
function notRecordedLine(rows: ReceiptRows): string {
  const reason = rows.sessions.at(-1)?.recordingReason;
  if (reason === "no_consent") return "Not recorded: you had not consented to recording.";
  if (reason === "consent_withdrawn") return "Not recorded: you withdrew consent.";
  if (reason === "consent_version_lapsed")
    return "Not recorded: you had consented to an earlier version of the recording consent.";
  if (rows.participants.some((p) => p.role === "patient" && p.recordingConsent === false))
    return "Not recorded: you chose not to record this visit.";
  const others = rows.participants.filter((p) => p.role !== "patient" && p.recordingConsent !== true).map(whoIs);
  if (reason === "participant_not_consented")
    return others.length > 0
      ? `Not recorded: ${others.join(", ")} had not consented.`
      : "Not recorded: not everyone present had consented.";
  return "Not recorded.";
}

/** "Dr Okafor, Gil (companion)": everyone but the patient who said yes to recording this visit. */
const consentingOthers = (participants: ReceiptRows["participants"]) =>
  participants
    .filter((p) => p.role !== "patient" && p.recordingConsent === true)
    .map(whoIs)
    .join(", ") || null;

/** A visit's recording receipt: when it recorded, on whose consent, what stopped it, and what became of the recording. */
export function buildReceipt(rows: ReceiptRows): VisitReceipt {
  const intervals = onIntervals(rows.ruleChanges, (change) => change.recording, roomEnds(rows.sessions));
  const transcribed = onIntervals(
    rows.ruleChanges,
    (change) => change.transcription,
    roomEnds(rows.sessions),
    "transcription",
  );
  const recorded = intervals.length > 0;
  const guarded = new Set(rows.sessions.filter((s) => s.guardAction !== null).map((s) => s.roomSid));
  const completed = rows.recordings.filter((r) => r.status === "completed" && !r.deletedAt);
  const latestDeletion = new Map<string, Date>();
  for (const { deletedAt, deletedReason } of rows.recordings) {
    if (!deletedAt) continue;
    const reason = deletedReason ? deletionReasons[deletedReason] : "it was not covered by everyone's consent";
    const seen = latestDeletion.get(reason);
    if (!seen || deletedAt > seen) latestDeletion.set(reason, deletedAt);
  }
  return {
    recorded,
    intervals,
    transcribed,
    notRecorded: recorded ? null : notRecordedLine(rows),
    consent: recorded ? { patient: rows.patientConsent, others: consentingOthers(rows.participants) } : null,
    deletions: [...latestDeletion].map(([reason, at]) => ({ at, reason })),
    kept: completed.some((r) => !guarded.has(r.roomSid)),
    deletionPending: completed.some((r) => guarded.has(r.roomSid)),
  };
}

/**
 * Receipts of the patient's own visits that had a session (the others get none), by appointment id. Owner-scoped:
 * an appointment of someone else's finds no session.
 */
export async function receiptsForPatient(
  db: Db,
  patientId: string,
  appointmentIds: string[],
): Promise<Map<string, VisitReceipt>> {
  if (appointmentIds.length === 0) return new Map();
  const sessions = await db
    .select({
      appointmentId: videoSessions.appointmentId,
      roomSid: videoSessions.roomSid,
      status: videoSessions.status,
      recordingReason: videoSessions.recordingReason,
      guardAction: videoSessions.guardAction,
      consentLedgerId: videoSessions.consentLedgerId,
      endedAt: videoSessions.endedAt,
      createdAt: videoSessions.createdAt,
    })
    .from(videoSessions)
    .innerJoin(appointments, eq(appointments.id, videoSessions.appointmentId))
    .where(and(eq(appointments.patientId, patientId), inArray(videoSessions.appointmentId, appointmentIds)))
    .orderBy(asc(videoSessions.createdAt));
  if (sessions.length === 0) return new Map();
  const visitIds = [...new Set(sessions.map((s) => s.appointmentId))];
  const roomSids = [...new Set(sessions.flatMap((s) => (s.roomSid ? [s.roomSid] : [])))];
  const ledgerIds = [...new Set(sessions.flatMap((s) => (s.consentLedgerId ? [s.consentLedgerId] : [])))];
  const [ruleChanges, participants, recordings, ledger] = await Promise.all([
    db
      .select({
        appointmentId: videoRuleChanges.appointmentId,
        roomSid: videoRuleChanges.roomSid,
        recording: videoRuleChanges.recording,
        transcription: videoRuleChanges.transcription,
        cause: videoRuleChanges.cause,
        createdAt: videoRuleChanges.createdAt,
        role: videoParticipants.role,
        displayName: videoParticipants.displayName,
      })
      .from(videoRuleChanges)
      .leftJoin(videoParticipants, eq(videoParticipants.id, videoRuleChanges.participantId))
      .where(inArray(videoRuleChanges.appointmentId, visitIds))
      .orderBy(asc(videoRuleChanges.id)),
    db
      .select({
        appointmentId: videoParticipants.appointmentId,
        role: videoParticipants.role,
        displayName: videoParticipants.displayName,
        recordingConsent: videoParticipants.recordingConsent,
      })
      .from(videoParticipants)
      .where(inArray(videoParticipants.appointmentId, visitIds))
      .orderBy(asc(videoParticipants.createdAt)),
    roomSids.length === 0
      ? []
      : db
          .select({
            roomSid: videoRecordings.roomSid,
            status: videoRecordings.status,
            deletedAt: videoRecordings.deletedAt,
            deletedReason: videoRecordings.deletedReason,
          })
          .from(videoRecordings)
          .where(inArray(videoRecordings.roomSid, roomSids)),
    ledgerIds.length === 0
      ? []
      : db
          .select({
            id: preferenceLedger.id,
            newValue: preferenceLedger.newValue,
            version: preferenceLedger.consentVersion,
            createdAt: preferenceLedger.createdAt,
          })
          .from(preferenceLedger)
          .where(and(eq(preferenceLedger.patientId, patientId), inArray(preferenceLedger.id, ledgerIds))),
  ]);
  const receipts = new Map<string, VisitReceipt>();
  for (const visitId of visitIds) {
    const ofVisit = sessions.filter((s) => s.appointmentId === visitId);
    const rooms = new Set(ofVisit.map((s) => s.roomSid));
    // The consent the latest session that rested on a given consent read.
    const consentRow = ofVisit
      .flatMap((s) => ledger.filter((row) => row.id === s.consentLedgerId && row.newValue === "true"))
      .at(-1);
    receipts.set(
      visitId,
      buildReceipt({
        sessions: ofVisit,
        ruleChanges: ruleChanges
          .filter((c) => c.appointmentId === visitId)
          .map((c) => ({ ...c, participant: c.role ? { role: c.role, displayName: c.displayName! } : null })),
        participants: participants.filter((p) => p.appointmentId === visitId),
        recordings: recordings.filter((r) => rooms.has(r.roomSid)),
        patientConsent: consentRow ? { givenAt: consentRow.createdAt, version: consentRow.version } : null,
      }),
    );
  }
  return receipts;
}

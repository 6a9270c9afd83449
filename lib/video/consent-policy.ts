import type { ParticipantRole } from "./types";

/** US states whose wiretap laws require every party's consent to record a conversation. */
export const ALL_PARTY_REGIONS = new Set([
  "CA",
  "CT",
  "DE",
  "FL",
  "IL",
  "MD",
  "MA",
  "MI",
  "MT",
  "NV",
  "NH",
  "OR",
  "PA",
  "WA",
]);

export type ConsentPolicy = "all-party" | "one-party";

export type ParticipantConsent = {
  id: string;
  role: ParticipantRole;
  displayName: string;
  present: boolean;
  /** this visit's answer; null: not answered */
  recordingConsent: boolean | null;
  /** this visit's answer to the transcription question; null or absent: not answered */
  transcriptionConsent?: boolean | null;
  region: string | null;
};

/** The two things a room may do only with everyone's consent, each asked and decided apart. */
export type ConsentQuestion = "recording" | "transcription";
const answerTo = (p: ParticipantConsent, question: ConsentQuestion) =>
  question === "recording" ? p.recordingConsent : (p.transcriptionConsent ?? null);

export type RoomDecision = {
  /** may the room do what was asked: record (or, asked about transcription, transcribe) */
  recording: boolean;
  /** who keeps the room from recording, in the order the banner names them */
  blockers: { role: ParticipantRole; displayName: string }[];
  patientStoredConsent: boolean;
};

/** A region known and not requiring every party's consent. */
const permitsOneParty = (region: string | null) => region !== null && !ALL_PARTY_REGIONS.has(region.toUpperCase());

/**
 * Whether a room may record now (or, asked about transcription, transcribe now). The patient's stored consent to it is
 * always required (declined for this visit: no); every present participant must have said yes. Under a one-party
 * policy, and only where every present participant's region permits it, someone who has not answered does not block;
 * an explicit "no" always does.
 */
export function decideRoom(input: {
  patientStoredConsent: boolean;
  participants: ParticipantConsent[];
  policy: ConsentPolicy;
  question?: ConsentQuestion;
}): RoomDecision {
  const question = input.question ?? "recording";
  const present = input.participants.filter((p) => p.present);
  const oneParty =
    input.policy === "one-party" && present.length > 0 && present.every((p) => permitsOneParty(p.region));
  const patient = input.participants.find((p) => p.role === "patient");
  const blockers: RoomDecision["blockers"] = [];
  if (!input.patientStoredConsent || (patient && answerTo(patient, question) === false))
    blockers.push({ role: "patient", displayName: patient?.displayName ?? "The patient" });
  for (const p of present) {
    if (p.role === "patient") continue;
    const answer = answerTo(p, question);
    const consented = answer === true || (oneParty && answer === null);
    if (!consented) blockers.push({ role: p.role, displayName: p.displayName });
  }
  return { recording: blockers.length === 0, blockers, patientStoredConsent: input.patientStoredConsent };
}

/** "Recording is off: the interpreter has not consented", naming everyone who keeps it off. */
export function recordingOffReason(
  blockers: RoomDecision["blockers"],
  question: ConsentQuestion = "recording",
): string | null {
  if (blockers.length === 0) return null;
  const names = blockers.map((b) => (b.role === "patient" ? b.displayName : `the ${b.role}`));
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  const subject = question === "recording" ? "Recording" : "Transcription";
  return `${subject} is off: ${list} ${names.length === 1 ? "has" : "have"} not consented`;
}

/** "Transcription is off: the clinician has not consented". */
export const transcriptionOffReason = (blockers: RoomDecision["blockers"]) =>
  recordingOffReason(blockers, "transcription");

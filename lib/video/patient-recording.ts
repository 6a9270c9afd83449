import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments } from "@/db/schema";
import { currentConsentText } from "@/lib/patients/consent-versions";
import { decideConsent } from "@/lib/patients/preferences";
import { decideRecording } from "./consent";
import { answerForVisit } from "./participants";
import { enforceRoomConsent } from "./recording-rules";
import { currentRecordingState } from "./sessions";

export type PatientRecordingAction = "stop" | "record" | "withdraw" | "stop-transcription" | "transcribe";
export type PatientRecordingResult =
  | { ok: false; status: 404; message: string }
  | { ok: true; message: string; withdrew: boolean; recording: boolean; transcribing: boolean };

const messages: Record<PatientRecordingAction, string> = {
  stop: "Recording is stopped for this visit.",
  record: "You agreed to record this visit. Your clinician can resume recording.",
  withdraw: "Your consent is withdrawn: no visit will be recorded.",
  "stop-transcription": "Transcription is stopped for this visit.",
  transcribe: "You agreed to transcribe this visit. Your clinician can resume transcription.",
};

/** This visit's answers the visit page can give: to which question, and yes or no. */
const visitAnswers = {
  stop: { question: "recording", consents: false },
  record: { question: "recording", consents: true },
  "stop-transcription": { question: "transcription", consents: false },
  transcribe: { question: "transcription", consents: true },
} as const;

/**
 * The patient stops recording from the visit page: for this visit ("Not this time", the stored consent unchanged), or
 * by withdrawing consent for all visits (a ledger row and the withdrawal event); or stops transcription for this
 * visit. The room is switched off before this returns; "record" and "transcribe" only allow it again, the clinician
 * resumes.
 */
export async function patientRecordingChoice(
  db: Db,
  patientId: string,
  appointmentId: string,
  action: PatientRecordingAction,
  requestHash?: string,
): Promise<PatientRecordingResult> {
  const [visit] = await db
    .select({ id: appointments.id })
    .from(appointments)
    .where(
      and(
        eq(appointments.id, appointmentId),
        eq(appointments.patientId, patientId),
        eq(appointments.modality, "telehealth"),
      ),
    );
  if (!visit) return { ok: false, status: 404, message: "Not found." };
  const { firstName } = await decideRecording(db, patientId);
  const who = {
    appointmentId,
    role: "patient" as const,
    identity: `patient-${patientId}`,
    userId: patientId,
    displayName: firstName,
  };
  if (action === "withdraw") {
    await decideConsent(
      { db, patientId, actor: { kind: "patient", userId: patientId }, requestHash },
      {
        consent: "recordingConsent",
        decision: "withdraw",
        // a withdrawal needs no signature and names the version the patient had given
        version: (await currentConsentText(db, "recordingConsent")).version,
        confirm: true,
        signedName: "",
      },
    );
    await enforceRoomConsent(db, appointmentId, "withdraw");
  } else {
    const { question, consents } = visitAnswers[action];
    const participantId = await answerForVisit(db, who, consents, question);
    if (!consents) await enforceRoomConsent(db, appointmentId, "stop", participantId);
  }
  const state = await currentRecordingState(db, appointmentId);
  return {
    ok: true,
    message: messages[action],
    withdrew: action === "withdraw",
    recording: state?.recording ?? false,
    transcribing: state?.transcribing ?? false,
  };
}

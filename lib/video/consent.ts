import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { patientProfiles, preferenceLedger } from "@/db/schema";
import { consentVersionLapsed } from "@/lib/patients/consent-versions";

export type RecordingDecision = {
  recording: boolean;
  reason: "consent_given" | "no_consent" | "consent_version_lapsed";
  /** the ledger row the decision rests on (the latest recording-consent change), if any */
  consentLedgerId: number | null;
  consentChangedAt: Date | null;
  firstName: string;
};

/**
 * Reads the patient's stored recording consent now: the browser never decides whether a room records. A consent given
 * to a text version that a newer version lapsed (by `now`) counts as not given.
 */
export async function decideRecording(db: Db, patientId: string, now = new Date()): Promise<RecordingDecision> {
  const [profile] = await db
    .select({
      consent: patientProfiles.recordingConsent,
      lapsed: consentVersionLapsed("recordingConsent", patientProfiles.recordingConsentVersion, now),
      changedAt: patientProfiles.recordingConsentChangedAt,
      firstName: patientProfiles.firstName,
    })
    .from(patientProfiles)
    .where(eq(patientProfiles.userId, patientId));
  const [ledger] = await db
    .select({ id: preferenceLedger.id })
    .from(preferenceLedger)
    .where(and(eq(preferenceLedger.patientId, patientId), eq(preferenceLedger.field, "recordingConsent")))
    .orderBy(desc(preferenceLedger.createdAt), desc(preferenceLedger.id))
    .limit(1);
  const lapsed = profile?.consent === true && profile.lapsed;
  const recording = profile?.consent === true && !lapsed;
  return {
    recording,
    reason: recording ? "consent_given" : lapsed ? "consent_version_lapsed" : "no_consent",
    consentLedgerId: ledger?.id ?? null,
    consentChangedAt: profile?.changedAt ?? null,
    firstName: profile?.firstName ?? "The patient",
  };
}

export type TranscriptionConsentDecision = {
  transcription: boolean;
  reason: RecordingDecision["reason"];
  consentChangedAt: Date | null;
};

/** The patient's stored transcription consent now, read as recording's is: a lapsed text version counts as not given. */
export async function decideTranscriptionConsent(
  db: Db,
  patientId: string,
  now = new Date(),
): Promise<TranscriptionConsentDecision> {
  const [profile] = await db
    .select({
      consent: patientProfiles.transcriptionConsent,
      lapsed: consentVersionLapsed("transcriptionConsent", patientProfiles.transcriptionConsentVersion, now),
      changedAt: patientProfiles.transcriptionConsentChangedAt,
    })
    .from(patientProfiles)
    .where(eq(patientProfiles.userId, patientId));
  const lapsed = profile?.consent === true && profile.lapsed;
  const transcription = profile?.consent === true && !lapsed;
  return {
    transcription,
    reason: transcription ? "consent_given" : lapsed ? "consent_version_lapsed" : "no_consent",
    consentChangedAt: profile?.changedAt ?? null,
  };
}

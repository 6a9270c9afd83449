import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { patientProfiles, preferenceLedger } from "@/db/schema";

export type RecordingDecision = {
  recording: boolean;
  reason: "consent_given" | "no_consent";
  /** the ledger row the decision rests on (the latest recording-consent change), if any */
  consentLedgerId: number | null;
  consentChangedAt: Date | null;
  firstName: string;
};

/** Reads the patient's stored recording consent now: the browser never decides whether a room records. */
export async function decideRecording(db: Db, patientId: string): Promise<RecordingDecision> {
  const [profile] = await db
    .select({
      consent: patientProfiles.recordingConsent,
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
  const recording = profile?.consent === true;
  return {
    recording,
    reason: recording ? "consent_given" : "no_consent",
    consentLedgerId: ledger?.id ?? null,
    consentChangedAt: profile?.changedAt ?? null,
    firstName: profile?.firstName ?? "The patient",
  };
}

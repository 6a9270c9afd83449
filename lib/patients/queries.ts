import "server-only";
import { and, desc, eq, exists, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { patientProfiles, preferenceLedger } from "@/db/schema";

/** Everything the settings page shows of the signed-in patient's own profile. */
export async function getPatientSettings(db: Db, patientId: string) {
  const [profile] = await db
    .select({
      firstName: patientProfiles.firstName,
      phoneE164: patientProfiles.phoneE164,
      timeZone: patientProfiles.timeZone,
      country: patientProfiles.country,
      emailNotifications: patientProfiles.emailNotifications,
      textMessages: patientProfiles.textMessages,
      textChannel: patientProfiles.textChannel,
      whatsappOptIn: patientProfiles.whatsappOptIn,
      appointmentReminders: patientProfiles.appointmentReminders,
      recordingConsent: patientProfiles.recordingConsent,
      recordingConsentVersion: patientProfiles.recordingConsentVersion,
      recordingConsentChangedAt: patientProfiles.recordingConsentChangedAt,
      transcriptionConsent: patientProfiles.transcriptionConsent,
      transcriptionConsentVersion: patientProfiles.transcriptionConsentVersion,
      transcriptionConsentChangedAt: patientProfiles.transcriptionConsentChangedAt,
      progressSharingConsent: patientProfiles.progressSharingConsent,
      progressSharingConsentVersion: patientProfiles.progressSharingConsentVersion,
      progressSharingConsentChangedAt: patientProfiles.progressSharingConsentChangedAt,
      careContactName: patientProfiles.careContactName,
      careContactRelationship: patientProfiles.careContactRelationship,
      careContactEmail: patientProfiles.careContactEmail,
      emailBouncedAt: patientProfiles.emailBouncedAt,
      // A flag holds only while the address or number it was raised for is still the patient's.
      emailUndeliverable: sql<boolean>`coalesce(${patientProfiles.emailBouncedAddress} = (select email from users where users.id = ${patientProfiles.userId}), false)`,
      phoneUnreachableCode: sql<
        string | null
      >`case when ${patientProfiles.phoneUnreachableNumber} = ${patientProfiles.phoneE164} then ${patientProfiles.phoneUnreachableCode} end`,
      // Whether the patient ever saved a zone themselves; until then the page suggests the browser's.
      timeZoneChosen: sql<boolean>`${exists(
        db
          .select({ one: sql`1` })
          .from(preferenceLedger)
          .where(and(eq(preferenceLedger.patientId, patientProfiles.userId), eq(preferenceLedger.field, "timeZone"))),
      )}`,
    })
    .from(patientProfiles)
    .where(eq(patientProfiles.userId, patientId));
  return profile ?? null;
}
export type PatientSettings = NonNullable<Awaited<ReturnType<typeof getPatientSettings>>>;

/** The patient's own ledger, newest first. */
export async function listLedgerForPatient(db: Db, patientId: string, limit: number) {
  return db
    .select({
      id: preferenceLedger.id,
      field: preferenceLedger.field,
      oldValue: preferenceLedger.oldValue,
      newValue: preferenceLedger.newValue,
      actorKind: preferenceLedger.actorKind,
      requestMeans: preferenceLedger.requestMeans,
      consentVersion: preferenceLedger.consentVersion,
      createdAt: preferenceLedger.createdAt,
    })
    .from(preferenceLedger)
    .where(eq(preferenceLedger.patientId, patientId))
    .orderBy(desc(preferenceLedger.createdAt), desc(preferenceLedger.id))
    .limit(limit);
}
export type LedgerRow = Awaited<ReturnType<typeof listLedgerForPatient>>[number];

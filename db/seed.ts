import { fileURLToPath } from "node:url";
import { eq, sql } from "drizzle-orm";
import { closeDb, db as processDb, type Db } from "./client";
import {
  appointments,
  clinicians,
  consentTexts,
  patientClinicians,
  patientProfiles,
  preferenceLedger,
  users,
  workingHours,
} from "./schema";

export const RECORDING_CONSENT_VERSION = "recording-2026-01";
export const PROGRESS_SHARING_CONSENT_VERSION = "progress-sharing-2026-01";

export const seedEmails = {
  ada: "ada@patients.example",
  ben: "ben@patients.example",
  grey: "grey@clinic.example",
  shepherd: "shepherd@clinic.example",
  admin: "admin@clinic.example",
} as const;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Idempotent: creates the demo people and their appointments once; a second run changes nothing. */
export async function seed(db: Db, now = new Date()): Promise<{ created: boolean }> {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, seedEmails.admin));
  if (existing) return { created: false };

  return db.transaction(async (tx) => {
    const [ada, ben, grey, shepherd] = await tx
      .insert(users)
      .values([
        { email: seedEmails.ada, name: "Ada Lovelace", role: "patient" },
        { email: seedEmails.ben, name: "Ben Carter", role: "patient" },
        { email: seedEmails.grey, name: "Dr. Meredith Grey", role: "clinician" },
        { email: seedEmails.shepherd, name: "Dr. Derek Shepherd", role: "clinician" },
        { email: seedEmails.admin, name: "Clinic Admin", role: "admin" },
      ])
      .returning({ id: users.id });
    if (!ada || !ben || !grey || !shepherd) throw new Error("seed: users were not created");

    const consentGivenAt = new Date(now.getTime() - 30 * DAY);
    await tx.insert(patientProfiles).values([
      {
        userId: ada.id,
        firstName: "Ada",
        lastName: "Lovelace",
        phoneE164: "+447911123456",
        timeZone: "Europe/London",
        emailNotifications: true,
        textMessages: true,
        appointmentReminders: true,
        recordingConsent: true,
        recordingConsentVersion: RECORDING_CONSENT_VERSION,
        recordingConsentChangedAt: consentGivenAt,
        progressSharingConsent: true,
        progressSharingConsentVersion: PROGRESS_SHARING_CONSENT_VERSION,
        progressSharingConsentChangedAt: consentGivenAt,
        careContactName: "Mary Somerville",
        careContactRelationship: "Friend",
        careContactEmail: "mary@family.example",
      },
      { userId: ben.id, firstName: "Ben", lastName: "Carter", timeZone: "America/New_York", textMessages: false },
    ]);
    // Ada's consents were given through the portal; the ledger is where that is recorded.
    await tx.insert(preferenceLedger).values(
      (
        [
          ["recordingConsent", RECORDING_CONSENT_VERSION],
          ["progressSharingConsent", PROGRESS_SHARING_CONSENT_VERSION],
        ] as const
      ).map(([field, version]) => ({
        patientId: ada.id,
        actorId: ada.id,
        actorKind: "patient" as const,
        field,
        oldValue: "false",
        newValue: "true",
        consentVersion: version,
        // Her signature: the name she typed and the hash of the text (consent_texts, seeded by the migration).
        signedName: "Ada Lovelace",
        consentTextHash: sql<string>`(select ${consentTexts.textHash} from ${consentTexts} where ${consentTexts.version} = ${version})`,
        createdAt: consentGivenAt,
      })),
    );
    await tx.insert(preferenceLedger).values(
      (
        [
          ["careContactName", "Mary Somerville"],
          ["careContactRelationship", "Friend"],
          ["careContactEmail", "mary@family.example"],
        ] as const
      ).map(([field, value]) => ({
        patientId: ada.id,
        actorId: ada.id,
        actorKind: "patient" as const,
        field,
        oldValue: null,
        newValue: value,
        createdAt: consentGivenAt,
      })),
    );

    await tx.insert(clinicians).values([
      { userId: grey.id, displayName: "Dr. Meredith Grey", timeZone: "Europe/London" },
      { userId: shepherd.id, displayName: "Dr. Derek Shepherd", timeZone: "America/New_York" },
    ]);
    // Dr. Grey keeps office hours (Monday to Friday, 08:00–18:00 London); Dr. Shepherd runs the on-call video
    // service, every day around the clock, so a visit can be booked with him at any hour of the demo.
    await tx.insert(workingHours).values([
      ...[1, 2, 3, 4, 5].map((weekday) => ({
        clinicianId: grey.id,
        weekday,
        startMinute: 8 * 60,
        endMinute: 18 * 60,
      })),
      ...[0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
        clinicianId: shepherd.id,
        weekday,
        startMinute: 0,
        endMinute: 1440,
      })),
    ]);

    const bookedAt = new Date(now.getTime() - 14 * DAY);
    const at = (offsetMs: number) => new Date(Math.floor((now.getTime() + offsetMs) / MINUTE) * MINUTE);
    const schedule = (patientId: string, first: number) => [
      { patientId, clinicianId: grey.id, startsAt: at(first), modality: "telehealth" as const },
      {
        patientId,
        clinicianId: grey.id,
        startsAt: at(7 * DAY + 2 * HOUR),
        modality: "in_person" as const,
        durationMinutes: 45,
      },
      {
        patientId,
        clinicianId: grey.id,
        startsAt: at(-14 * DAY),
        modality: "telehealth" as const,
        status: "completed" as const,
      },
      {
        patientId,
        clinicianId: grey.id,
        startsAt: at(3 * DAY),
        modality: "in_person" as const,
        status: "cancelled" as const,
        cancelledAt: at(-DAY),
      },
    ];
    const booked = [
      // Ada's first video visit starts 10 minutes after seeding, so the video flow can be tried at once.
      ...schedule(ada.id, 10 * MINUTE),
      ...schedule(ben.id, DAY + 3 * HOUR),
      { patientId: ben.id, clinicianId: shepherd.id, startsAt: at(2 * DAY), modality: "telehealth" as const },
    ];
    // Booked two weeks ago, so every reminder of theirs is a normal one, not a late booking.
    await tx
      .insert(appointments)
      .values(booked.map((appointment) => ({ ...appointment, createdAt: bookedAt, updatedAt: bookedAt })));
    // Each patient is assigned to the clinicians they see (Ada: Grey; Ben: Grey and Shepherd), who may book them.
    await tx.insert(patientClinicians).values([
      { patientId: ada.id, clinicianId: grey.id },
      { patientId: ben.id, clinicianId: grey.id },
      { patientId: ben.id, clinicianId: shepherd.id },
    ]);
    return { created: true };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await seed(processDb());
  console.log(result.created ? "Demo data seeded." : "Demo data already present; nothing changed.");
  await closeDb();
}

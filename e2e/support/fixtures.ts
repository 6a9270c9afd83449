import { db } from "@/db/client";
import { eq } from "drizzle-orm";
import { consentTexts, patientProfiles, preferenceLedger, users } from "@/db/schema";
import { hashConsentText } from "@/lib/patients/consent-publish";
import { e2ePeople } from "./people";

/**
 * A patient with 22 changes in their history (the oldest "Email notifications On → Off", then reminders toggled 21
 * times), so the history's limit is tested without 21 UI saves inside one test's timeout.
 */
export async function seedE2eFixtures(): Promise<void> {
  await seedLapsedConsent();
  const [flood] = await db()
    .insert(users)
    .values({ email: e2ePeople.linkFlood, name: "Flo Flood", role: "patient" })
    .onConflictDoNothing()
    .returning({ id: users.id });
  if (flood) {
    await db()
      .insert(patientProfiles)
      .values({ userId: flood.id, firstName: "Flo", lastName: "Flood", timeZone: "Europe/London" });
  }

  const [user] = await db()
    .insert(users)
    .values({ email: e2ePeople.longHistory, name: "Hana History", role: "patient" })
    .onConflictDoNothing()
    .returning({ id: users.id });
  if (!user) return;
  await db().insert(patientProfiles).values({
    userId: user.id,
    firstName: "Hana",
    lastName: "History",
    timeZone: "Europe/London",
    emailNotifications: false,
  });
  const start = Date.now() - 30 * 24 * 3600_000;
  const toggles = Array.from({ length: 21 }, (_, i) => ({
    field: "appointmentReminders",
    oldValue: i % 2 === 0 ? "true" : "false",
    newValue: i % 2 === 0 ? "false" : "true",
    createdAt: new Date(start + (i + 1) * 3600_000),
  }));
  const oldest = { field: "emailNotifications", oldValue: "true", newValue: "false", createdAt: new Date(start) };
  await db()
    .insert(preferenceLedger)
    .values(
      [oldest, ...toggles].map((change) => ({
        ...change,
        patientId: user.id,
        actorId: user.id,
        actorKind: "patient" as const,
      })),
    );
}

const OLD_RECORDING_TEXT = "I agree that my video visits may be recorded (the 2025 wording).";

/**
 * Rose Review gave recording consent to a 2025 text (sequence 0, before the seeded one); the seeded 2026 text is made
 * to lapse it from its own start. Only her consent lapses: every other patient agreed to the 2026 text or none.
 */
async function seedLapsedConsent(): Promise<void> {
  const [user] = await db()
    .insert(users)
    .values({ email: e2ePeople.consentReview, name: "Rose Review", role: "patient" })
    .onConflictDoNothing()
    .returning({ id: users.id });
  if (!user) return;
  await db()
    .insert(consentTexts)
    .values({
      version: "recording-2025-12",
      kind: "recordingConsent",
      sequence: 0,
      title: "Recording of video visits",
      text: OLD_RECORDING_TEXT,
      textHash: hashConsentText(OLD_RECORDING_TEXT),
      effectiveAt: new Date("2025-12-15T00:00:00Z"),
    });
  await db()
    .update(consentTexts)
    .set({ priorVersionsLapseAt: new Date("2026-01-01T00:00:00Z") })
    .where(eq(consentTexts.version, "recording-2026-01"));
  const givenAt = new Date("2025-12-20T10:00:00Z");
  await db().insert(patientProfiles).values({
    userId: user.id,
    firstName: "Rose",
    lastName: "Review",
    timeZone: "Europe/London",
    recordingConsent: true,
    recordingConsentVersion: "recording-2025-12",
    recordingConsentChangedAt: givenAt,
  });
  await db()
    .insert(preferenceLedger)
    .values({
      patientId: user.id,
      actorId: user.id,
      actorKind: "patient",
      field: "recordingConsent",
      oldValue: "false",
      newValue: "true",
      consentVersion: "recording-2025-12",
      signedName: "Rose Review",
      consentTextHash: hashConsentText(OLD_RECORDING_TEXT),
      createdAt: givenAt,
    });
}

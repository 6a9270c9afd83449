import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, vi } from "vitest";
import type { Db } from "@/db/client";
import { appointments, clinicians, patientClinicians, patientProfiles, users, workingHours } from "@/db/schema";
import { standardWeek, type WeeklyHours } from "@/lib/appointments/working-hours";
import { inngest } from "@/inngest/client";
import { startInngestFake } from "./fakes/inngest-fake";
import { startResendFake } from "./fakes/resend-fake";
import { startTwilioFake } from "./fakes/twilio-fake";

type Fakes = {
  resend: Awaited<ReturnType<typeof startResendFake>>;
  twilio: Awaited<ReturnType<typeof startTwilioFake>>;
  inngest: Awaited<ReturnType<typeof startInngestFake>>;
};

/** The configuration every test file shares: the real SDKs pointed at the loopback fakes. */
const fakeEnv = (fakes: Fakes): Record<string, string> => ({
  RESEND_API_KEY: "re_test",
  RESEND_BASE_URL: fakes.resend.url,
  RESEND_WEBHOOK_SECRET: fakes.resend.webhookSecret,
  EMAIL_FROM: "Clinic <portal@clinic.example>",
  AUTH_URL: "https://portal.clinic.example",
  TWILIO_API_BASE_URL: fakes.twilio.url,
  TWILIO_ACCOUNT_SID: "AC00000000000000000000000000000001",
  TWILIO_AUTH_TOKEN: "twilio-token",
  TWILIO_SMS_FROM: "+15005550006",
  TWILIO_WHATSAPP_FROM: "+14155238886",
  INNGEST_BASE_URL: fakes.inngest.url,
  INNGEST_EVENT_KEY: "test-key",
  // Texts at any hour, so a test does not depend on the time of day it runs; quiet-hours tests set their own.
  NOTIFY_TEXT_HOURS: "00:00-24:00",
  NOTIFY_TEXT_HOURS_BY_REGION: "none",
});

/**
 * Starts Resend, Twilio and Inngest's event API on loopback for this test file, stubs the environment so the real
 * SDKs reach them, and stops them after the file. The returned object is filled in before the first test runs.
 */
export function setUpFakes(extraEnv: Record<string, string> = {}): Fakes {
  const fakes = {} as Fakes;
  beforeAll(async () => {
    [fakes.resend, fakes.twilio, fakes.inngest] = await Promise.all([
      startResendFake(),
      startTwilioFake(),
      startInngestFake(),
    ]);
    for (const [name, value] of Object.entries({ ...fakeEnv(fakes), ...extraEnv })) vi.stubEnv(name, value);
    inngest.setEnvVars();
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await Promise.all([fakes.resend.close(), fakes.twilio.close(), fakes.inngest.close()]);
  });
  return fakes;
}

/** Forgets what the fakes recorded (and the outages and queued replies set), between tests. */
export function resetFakes(fakes: Fakes): void {
  fakes.resend.reset();
  fakes.twilio.requests.length = 0;
  fakes.inngest.requests.length = 0;
  for (const fake of [fakes.resend, fakes.twilio, fakes.inngest]) fake.setOutage(null);
}

type ProfileValues = Partial<Omit<typeof patientProfiles.$inferInsert, "userId">>;

/** A patient of the test's own, so a test that changes settings cannot leave a seeded person changed for the next. */
export async function createPatient(db: Db, profile: ProfileValues = {}): Promise<{ id: string; email: string }> {
  const email = `patient-${randomUUID().slice(0, 8)}@patients.example`;
  const [user] = await db
    .insert(users)
    .values({ email, name: "Test Patient", role: "patient" })
    .returning({ id: users.id });
  await db
    .insert(patientProfiles)
    .values({ userId: user!.id, firstName: "Tess", lastName: "Patient", timeZone: "Europe/London", ...profile });
  return { id: user!.id, email };
}

/** A clinician of the test's own, working `hours` (Monday to Friday, 08:00–18:00 unless given) in their zone. */
export async function createClinician(
  db: Db,
  timeZone = "Europe/London",
  hours: WeeklyHours = standardWeek,
): Promise<{ id: string; email: string }> {
  const email = `clinician-${randomUUID().slice(0, 8)}@clinic.example`;
  const [user] = await db
    .insert(users)
    .values({ email, name: "Dr. Test", role: "clinician" })
    .returning({ id: users.id });
  await db.insert(clinicians).values({ userId: user!.id, displayName: "Dr. Test", timeZone });
  const rows = Object.entries(hours).flatMap(([weekday, intervals]) =>
    intervals.map((i) => ({ clinicianId: user!.id, weekday: Number(weekday), ...i })),
  );
  if (rows.length) await db.insert(workingHours).values(rows);
  return { id: user!.id, email };
}

/**
 * An appointment inserted directly (booked two weeks earlier unless told), for tests whose subject is not booking. The
 * patient is assigned to the clinician, as booking (and the roster migration, for older rows) does.
 */
export async function createAppointment(
  db: Db,
  values: Pick<typeof appointments.$inferInsert, "patientId" | "clinicianId" | "startsAt"> &
    Partial<typeof appointments.$inferInsert>,
): Promise<string> {
  const bookedAt = new Date(values.startsAt.getTime() - 14 * 24 * 3600_000);
  const [row] = await db
    .insert(appointments)
    .values({ modality: "telehealth", createdAt: bookedAt, updatedAt: bookedAt, ...values })
    .returning({ id: appointments.id });
  await db
    .insert(patientClinicians)
    .values({ patientId: values.patientId, clinicianId: values.clinicianId })
    .onConflictDoNothing();
  return row!.id;
}

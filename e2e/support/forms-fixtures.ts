// People, visits and signed-in sessions for the forms and settings specs (e2e/forms-*.spec.ts, settings-*.spec.ts),
// seeded by e2e/support/server.ts before the server starts: each spec changes only its own person.
import { writeSeededSession } from "./seeded-session";
import { db } from "@/db/client";
import { appointments, clinicians, patientClinicians, patientProfiles, preferenceLedger, users } from "@/db/schema";

export const formsVisits = {
  /** Fern's visit with Dr. Forde last week: the progress-note form. */
  fernPast: "00000000-0000-4000-8000-00000000e001",
  /** Fern's visit in a week: the reschedule form. */
  fernNextWeek: "00000000-0000-4000-8000-00000000e002",
} as const;

const people = {
  clinician: { email: "forde@clinic.example", first: "Dr. Ola", last: "Forde", role: "clinician" },
  /** A New Yorker with a number: refused saves with JavaScript. */
  fern: { email: "fern@patients.example", first: "Fern", last: "Fields", timeZone: "America/New_York" },
  /** Refused and accepted saves without JavaScript. */
  nico: { email: "nico@patients.example", first: "Nico", last: "NoScript", timeZone: "Europe/London" },
  /** Texts on by SMS, no WhatsApp opt-in: the radios. */
  rory: { email: "rory@patients.example", first: "Rory", last: "Radio", timeZone: "Europe/London" },
  /** The time zone picker and the page at both sizes. */
  tara: { email: "tara@patients.example", first: "Tara", last: "Zone", timeZone: "America/Chicago" },
} as const;
export type FormsPerson = keyof typeof people;
export const formsPeople = people;

export const formsAuth = (who: FormsPerson) => `e2e/.auth/forms-${who}.json`;

const DAY = 24 * 3600_000;

export async function seedFormsFixtures(now = new Date()): Promise<void> {
  const ids = {} as Record<FormsPerson, string>;
  for (const [key, person] of Object.entries(people) as [FormsPerson, (typeof people)[FormsPerson]][]) {
    const role = "role" in person ? "clinician" : "patient";
    const [user] = await db()
      .insert(users)
      .values({ email: person.email, name: `${person.first} ${person.last}`, role })
      .returning({ id: users.id });
    ids[key] = user!.id;
    if (!("timeZone" in person)) continue;
    await db()
      .insert(patientProfiles)
      .values({
        userId: user!.id,
        firstName: person.first,
        lastName: person.last,
        timeZone: person.timeZone,
        phoneE164: key === "fern" ? "+19175550142" : key === "rory" ? "+447911123457" : null,
        textMessages: key === "rory",
        // Tara agreed to recording a month ago: her status and history name the text by its date.
        ...(key === "tara"
          ? {
              recordingConsent: true,
              recordingConsentVersion: "recording-2026-01",
              recordingConsentChangedAt: new Date(now.getTime() - 30 * DAY),
            }
          : {}),
      });
  }
  await db()
    .insert(preferenceLedger)
    .values({
      patientId: ids.tara,
      actorId: ids.tara,
      actorKind: "patient",
      field: "recordingConsent",
      oldValue: "false",
      newValue: "true",
      consentVersion: "recording-2026-01",
      createdAt: new Date(now.getTime() - 30 * DAY),
    });
  await db()
    .insert(clinicians)
    .values({ userId: ids.clinician, displayName: "Dr. Ola Forde", timeZone: "Europe/London" });
  // Fern is on Dr. Forde's roster: a clinician books and sees only assigned patients.
  await db().insert(patientClinicians).values({ patientId: ids.fern, clinicianId: ids.clinician });
  const visit = { patientId: ids.fern, clinicianId: ids.clinician, modality: "telehealth" as const };
  await db()
    .insert(appointments)
    .values([
      { id: formsVisits.fernPast, ...visit, startsAt: new Date(now.getTime() - 7 * DAY), status: "completed" },
      {
        id: formsVisits.fernNextWeek,
        ...visit,
        startsAt: new Date(Math.floor((now.getTime() + 7 * DAY) / 3600_000) * 3600_000),
      },
    ]);

  // Sessions as Auth.js stores them: no sign-in emails (the per-IP limit is shared by the suite).
  for (const [who, userId] of Object.entries(ids) as [FormsPerson, string][])
    await writeSeededSession(userId, formsAuth(who), now);
}

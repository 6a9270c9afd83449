// People, visits and a guest link for the visit-lifecycle and video specs, seeded by e2e/support/server.ts: times
// relative to now, so a visit "open now" can be started (sessions open 30 minutes before the start) while the suite runs.
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { RECORDING_CONSENT_VERSION, seedEmails } from "@/db/seed";
import { appointments, clinicians, patientClinicians, patientProfiles, users, videoGuestInvites } from "@/db/schema";
import { writeSeededSession } from "./seeded-session";

export const lifecycleVisits = {
  /** Lia's video visit with Dr. Lund, begun 5 minutes ago: a guest leaves, the clinician resumes, then ends it. */
  liaNow: "00000000-0000-4000-8000-00000000f201",
  /** Eli's video visit with Dr. Lund in three hours: too early to start. */
  eliLater: "00000000-0000-4000-8000-00000000f202",
  /** Ben Nowak's video visit with Dr. Grey, open now: he has not consented (e2e/video.spec.ts). */
  benNow: "00000000-0000-4000-8000-00000000f203",
  /** The seed's Ben Carter's video visit with Dr. Grey, open now: the admin journey starts it (his seeded one is tomorrow). */
  benCarterNow: "00000000-0000-4000-8000-00000000f204",
} as const;

/** Lia's visit's guest link, as the invitation would carry it; the clinician suggested an interpreter. */
export const lifecycleGuestToken = "e2e-guest-lifecycle-lia-".padEnd(43, "l");

export const lifecyclePeople = {
  clinician: { email: "lund@clinic.example", name: "Dr. Ola Lund" },
  lia: { email: "lia@patients.example", first: "Lia", last: "Leave", consent: true },
  eli: { email: "eli@patients.example", first: "Eli", last: "Early", consent: false },
  ben: { email: "ben.nowak@patients.example", first: "Ben", last: "Nowak", consent: false },
} as const;

export const lifecycleAuth = (who: "clinician" | "lia") => `e2e/.auth/lifecycle-${who}.json`;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export async function seedLifecycleFixtures(now = new Date()): Promise<void> {
  const at = (offset: number) => new Date(Math.floor((now.getTime() + offset) / MINUTE) * MINUTE);
  const [clinician] = await db()
    .insert(users)
    .values({ email: lifecyclePeople.clinician.email, name: lifecyclePeople.clinician.name, role: "clinician" })
    .returning({ id: users.id });
  await db()
    .insert(clinicians)
    .values({ userId: clinician!.id, displayName: lifecyclePeople.clinician.name, timeZone: "Europe/London" });
  const [grey] = await db().select({ id: users.id }).from(users).where(eq(users.email, seedEmails.grey));
  const [benCarter] = await db().select({ id: users.id }).from(users).where(eq(users.email, seedEmails.ben));
  if (!grey || !benCarter) throw new Error("lifecycle fixtures: the seed's Dr. Grey or Ben Carter is missing");

  const ids = { lia: "", eli: "", ben: "" };
  for (const key of ["lia", "eli", "ben"] as const) {
    const person = lifecyclePeople[key];
    const [user] = await db()
      .insert(users)
      .values({ email: person.email, name: `${person.first} ${person.last}`, role: "patient" })
      .returning({ id: users.id });
    ids[key] = user!.id;
    await db()
      .insert(patientProfiles)
      .values({
        userId: user!.id,
        firstName: person.first,
        lastName: person.last,
        timeZone: "Europe/London",
        recordingConsent: person.consent,
        recordingConsentChangedAt: person.consent ? at(-30 * DAY) : null,
        recordingConsentVersion: person.consent ? RECORDING_CONSENT_VERSION : null,
      });
    const clinicianId = key === "ben" ? grey.id : clinician!.id;
    await db().insert(patientClinicians).values({ patientId: user!.id, clinicianId });
  }
  const video = { modality: "telehealth" as const, durationMinutes: 60 };
  await db()
    .insert(appointments)
    .values([
      // Begun 5 minutes ago: progress notes are written for visits that have begun.
      {
        id: lifecycleVisits.liaNow,
        patientId: ids.lia,
        clinicianId: clinician!.id,
        ...video,
        startsAt: at(-5 * MINUTE),
      },
      {
        id: lifecycleVisits.eliLater,
        patientId: ids.eli,
        clinicianId: clinician!.id,
        ...video,
        startsAt: at(3 * 60 * MINUTE),
      },
      { id: lifecycleVisits.benNow, patientId: ids.ben, clinicianId: grey.id, ...video, startsAt: at(10 * MINUTE) },
      // Startable from seeding (29 < 30 minutes ahead) yet not begun while the suite runs, so it never becomes the
      // latest of Ben's "Recent visits", where the journey writes his notes on the seeded past visit.
      {
        id: lifecycleVisits.benCarterNow,
        patientId: benCarter.id,
        clinicianId: grey.id,
        ...video,
        startsAt: at(29 * MINUTE),
      },
    ]);
  await db()
    .insert(videoGuestInvites)
    .values({
      appointmentId: lifecycleVisits.liaNow,
      role: "interpreter",
      channel: "email",
      tokenHash: createHash("sha256").update(lifecycleGuestToken).digest("hex"),
      expiresAt: at(70 * MINUTE),
      createdBy: clinician!.id,
    });

  // Seeded sessions: no sign-in emails (the suite's per-IP limit is shared).
  await writeSeededSession(clinician!.id, lifecycleAuth("clinician"), now);
  await writeSeededSession(ids.lia, lifecycleAuth("lia"), now);
}

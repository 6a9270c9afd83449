// People, appointments and signed-in sessions for the front-page, appointments and waiting-room specs, seeded by
// e2e/support/server.ts before the server starts: times relative to now, so "joinable" holds while the suite runs.
import { writeSeededSession } from "./seeded-session";
import { db } from "@/db/client";
import { appointments, clinicians, patientClinicians, patientProfiles, users } from "@/db/schema";

/** Fixed ids on the fresh e2e database, so specs can open a visit without reading a list first. */
export const frameVisits = {
  /** Wren's video visit, open now (starts in 10 minutes, an hour long): the clinician starts it in the test. */
  wrenNow: "00000000-0000-4000-8000-00000000f001",
  /** Wren's video visit that ended two hours ago. */
  wrenEnded: "00000000-0000-4000-8000-00000000f002",
  /** Cleo's video visit, open now: the clinician cancels it while she waits. */
  cleoNow: "00000000-0000-4000-8000-00000000f003",
  /** Cal's: joinable now, tomorrow's video visit, an in-person one, a cancelled one, two past ones. */
  calNow: "00000000-0000-4000-8000-00000000f011",
  calTomorrow: "00000000-0000-4000-8000-00000000f012",
  calInPerson: "00000000-0000-4000-8000-00000000f013",
  calCancelled: "00000000-0000-4000-8000-00000000f014",
  calPast: "00000000-0000-4000-8000-00000000f015",
  calPastCancelled: "00000000-0000-4000-8000-00000000f016",
  /** Rhea's video visit tomorrow: the reminder link she opens signed out. */
  rheaTomorrow: "00000000-0000-4000-8000-00000000f021",
} as const;

export const framePeople = {
  clinician: { email: "okafor@clinic.example", name: "Dr. Nia Okafor" },
  wren: { email: "wren@patients.example", first: "Wren", last: "Waiting", timeZone: "Europe/Paris" },
  cleo: { email: "cleo@patients.example", first: "Cleo", last: "Cancel", timeZone: "Europe/London" },
  cal: { email: "cal@patients.example", first: "Cal", last: "Calendar", timeZone: "Asia/Kolkata" },
  rhea: { email: "rhea@patients.example", first: "Rhea", last: "Return", timeZone: "America/Chicago" },
} as const;

/** Storage-state files (cookies of a seeded session) the specs use with test.use({ storageState }). */
export const frameAuth = (who: "clinician" | "wren" | "cleo" | "cal") => `e2e/.auth/frame-${who}.json`;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export async function seedFrameFixtures(now = new Date()): Promise<void> {
  const at = (offset: number) => new Date(Math.floor((now.getTime() + offset) / MINUTE) * MINUTE);
  const [clinician] = await db()
    .insert(users)
    .values({ email: framePeople.clinician.email, name: framePeople.clinician.name, role: "clinician" })
    .returning({ id: users.id });
  if (!clinician) throw new Error("frame fixtures: clinician not created");
  await db()
    .insert(clinicians)
    .values({ userId: clinician.id, displayName: framePeople.clinician.name, timeZone: "Europe/London" });

  const patientIds: Record<"wren" | "cleo" | "cal" | "rhea", string> = { wren: "", cleo: "", cal: "", rhea: "" };
  for (const key of ["wren", "cleo", "cal", "rhea"] as const) {
    const person = framePeople[key];
    const [user] = await db()
      .insert(users)
      .values({ email: person.email, name: `${person.first} ${person.last}`, role: "patient" })
      .returning({ id: users.id });
    patientIds[key] = user!.id;
    await db()
      .insert(patientProfiles)
      .values({
        userId: user!.id,
        firstName: person.first,
        lastName: person.last,
        timeZone: person.timeZone,
        // Wren agreed to recording: her waiting room says it will be, then that it is.
        recordingConsent: key === "wren",
        recordingConsentChangedAt: key === "wren" ? at(-30 * DAY) : null,
        recordingConsentVersion: key === "wren" ? "recording-2026-01" : null,
      });
  }

  const video = { clinicianId: clinician.id, modality: "telehealth" as const };
  const inPerson = { clinicianId: clinician.id, modality: "in_person" as const };
  await db()
    .insert(appointments)
    .values([
      { id: frameVisits.wrenNow, patientId: patientIds.wren, ...video, startsAt: at(10 * MINUTE), durationMinutes: 60 },
      { id: frameVisits.wrenEnded, patientId: patientIds.wren, ...video, startsAt: at(-2 * 60 * MINUTE) },
      { id: frameVisits.cleoNow, patientId: patientIds.cleo, ...video, startsAt: at(10 * MINUTE), durationMinutes: 60 },
      { id: frameVisits.calNow, patientId: patientIds.cal, ...video, startsAt: at(10 * MINUTE), durationMinutes: 60 },
      { id: frameVisits.calTomorrow, patientId: patientIds.cal, ...video, startsAt: at(DAY + 3 * 60 * MINUTE) },
      { id: frameVisits.calInPerson, patientId: patientIds.cal, ...inPerson, startsAt: at(3 * DAY) },
      {
        id: frameVisits.calCancelled,
        patientId: patientIds.cal,
        ...video,
        startsAt: at(2 * DAY),
        status: "cancelled" as const,
        cancelledAt: at(-DAY),
      },
      {
        id: frameVisits.calPast,
        patientId: patientIds.cal,
        ...video,
        startsAt: at(-7 * DAY),
        status: "completed" as const,
      },
      {
        id: frameVisits.calPastCancelled,
        patientId: patientIds.cal,
        ...inPerson,
        startsAt: at(-3 * DAY),
        status: "cancelled" as const,
        cancelledAt: at(-5 * DAY),
      },
      { id: frameVisits.rheaTomorrow, patientId: patientIds.rhea, ...video, startsAt: at(DAY) },
    ]);

  // Dr. Okafor's patients are assigned to her, as the roster's migration assigns everyone to the clinicians they see.
  await db()
    .insert(patientClinicians)
    .values(Object.values(patientIds).map((patientId) => ({ patientId, clinicianId: clinician.id })));

  // Sessions as Auth.js stores them, so these specs need no sign-in emails (the per-IP limit is shared by the suite).
  const signedIn = { clinician: clinician.id, wren: patientIds.wren, cleo: patientIds.cleo, cal: patientIds.cal };
  for (const [who, userId] of Object.entries(signedIn) as [keyof typeof signedIn, string][])
    await writeSeededSession(userId, frameAuth(who), now);
}

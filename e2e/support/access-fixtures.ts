import { writeSeededSession } from "./seeded-session";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import {
  accessLog,
  appointments,
  clinicians,
  notificationDeliveries,
  patientProfiles,
  preferenceLedger,
  progressNotes,
  users,
  videoSessions,
} from "@/db/schema";
import { people } from "./sign-in";

export const adaByron = { email: "ada.byron@patients.example", name: "Ada Byron" } as const;

/**
 * Ada Byron and her own clinician, with a row on every admin list (a message, a ledger change, a visit with a note
 * and a video session, an access-log row), so "ada" finds an Ada on each list without touching the seeded people.
 */
export async function seedAccessFixtures(): Promise<void> {
  await writeAdaSession();
  const [patient] = await db()
    .insert(users)
    .values({ email: adaByron.email, name: adaByron.name, role: "patient" })
    .onConflictDoNothing()
    .returning({ id: users.id });
  if (!patient) return;
  const [clinician] = await db()
    .insert(users)
    .values({ email: "iris.access@clinic.example", name: "Dr. Iris Access", role: "clinician" })
    .returning({ id: users.id });
  const [admin] = await db().select({ id: users.id }).from(users).where(eqEmail(people.admin));
  await db()
    .insert(patientProfiles)
    .values({ userId: patient.id, firstName: "Ada", lastName: "Byron", timeZone: "Europe/London" });
  await db()
    .insert(clinicians)
    .values({ userId: clinician!.id, displayName: "Dr. Iris Access", timeZone: "Europe/London" });
  const [visit] = await db()
    .insert(appointments)
    .values({
      patientId: patient.id,
      clinicianId: clinician!.id,
      startsAt: new Date(Date.now() - 2 * 86_400_000),
      modality: "telehealth",
      status: "completed",
    })
    .returning({ id: appointments.id });
  await db()
    .insert(notificationDeliveries)
    .values({
      deliveryKey: `e2e-access:${patient.id}`,
      patientId: patient.id,
      appointmentId: visit!.id,
      kind: "confirmation",
      channel: "email",
      status: "sent",
    });
  await db().insert(preferenceLedger).values({
    patientId: patient.id,
    actorId: patient.id,
    actorKind: "patient",
    field: "emailNotifications",
    oldValue: "true",
    newValue: "false",
  });
  await db().insert(progressNotes).values({
    appointmentId: visit!.id,
    clinicianId: clinician!.id,
    patientId: patient.id,
    privateNote: "Fixture note",
    patientSummary: "Fixture summary",
    sharingStatus: "skipped",
  });
  await db()
    .insert(videoSessions)
    .values({
      appointmentId: visit!.id,
      roomName: `e2e-access-${visit!.id}`,
      recording: false,
      recordingReason: "no_consent",
      createdBy: clinician!.id,
      status: "ended",
    });
  await db()
    .insert(accessLog)
    .values({ actorId: admin!.id, actorRole: "admin", patientId: patient.id, what: "deliveries" });
}

function eqEmail(email: string) {
  return sql`${users.email} = ${email}`;
}

/** Ada Lovelace's session as Auth.js stores it: her sign-in emails are already at the per-email limit in this suite. */
export const adaAuth = "e2e/.auth/access-ada.json";

async function writeAdaSession(): Promise<void> {
  const [ada] = await db().select({ id: users.id }).from(users).where(eq(users.email, people.ada));
  if (!ada) throw new Error("The seed has no Ada Lovelace");
  await writeSeededSession(ada.id, adaAuth);
}

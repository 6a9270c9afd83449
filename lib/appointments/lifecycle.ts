import "server-only";
import { and, eq, isNull, type SQL } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { appointmentReschedules, appointments, clinicians, patientProfiles, users } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session";
import { enqueueEvent } from "@/lib/events/outbox";
import { assignOnBooking, isAssigned } from "@/lib/roster/assignments";
import { zonedTimeToUtc } from "@/lib/zoned-time";

export type LifecycleResult =
  { ok: true; appointmentId: string } | { ok: false; fieldErrors?: Record<string, string[]>; message: string };

const notFound: LifecycleResult = {
  ok: false,
  message: "That appointment was not found, or it is not yours to change.",
};

/** Clinicians change only their own appointments; admins any. Zero rows means not found (no hint why). */
const ownedBy = (actor: SessionUser): SQL | undefined =>
  actor.role === "admin" ? undefined : eq(appointments.clinicianId, actor.id);

async function clinicianZone(db: Db | Tx, clinicianId: string): Promise<string | null> {
  const [row] = await db
    .select({ timeZone: clinicians.timeZone })
    .from(clinicians)
    .where(eq(clinicians.userId, clinicianId));
  return row?.timeZone ?? null;
}

/** Books an appointment (clinicians for their own patients, admins for anyone); its event is in the same transaction. */
export async function bookAppointment(
  db: Db,
  actor: SessionUser,
  input: {
    patientId: string;
    clinicianId?: string;
    startsAt: string;
    durationMinutes: number;
    modality: "in_person" | "telehealth";
  },
  now = new Date(),
): Promise<LifecycleResult> {
  const clinicianId = actor.role === "clinician" ? actor.id : input.clinicianId;
  if (!clinicianId)
    return { ok: false, fieldErrors: { clinicianId: ["Choose a clinician."] }, message: "Nothing was booked." };
  const zone = await clinicianZone(db, clinicianId);
  if (!zone)
    return { ok: false, fieldErrors: { clinicianId: ["Choose a clinician."] }, message: "Nothing was booked." };
  // Only an active patient can be booked: a clinician or admin id (or an unknown one) is refused before any write.
  const [isPatient] = await db
    .select({ id: patientProfiles.userId })
    .from(patientProfiles)
    .innerJoin(users, eq(users.id, patientProfiles.userId))
    .where(and(eq(patientProfiles.userId, input.patientId), isNull(users.deactivatedAt)));
  if (!isPatient)
    return { ok: false, fieldErrors: { patientId: ["Choose a patient."] }, message: "Nothing was booked." };
  // A clinician books only the patients assigned to them; an admin any patient (which assigns them, below).
  if (actor.role === "clinician" && !(await isAssigned(db, clinicianId, input.patientId)))
    return {
      ok: false,
      fieldErrors: { patientId: ["Choose one of your patients."] },
      message: "Nothing was booked.",
    };
  const startsAt = zonedTimeToUtc(input.startsAt, zone);
  if (startsAt <= now)
    return { ok: false, fieldErrors: { startsAt: ["Choose a time in the future."] }, message: "Nothing was booked." };
  const appointmentId = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(appointments)
      .values({
        bookedBy: actor.id,
        patientId: input.patientId,
        clinicianId,
        startsAt,
        durationMinutes: input.durationMinutes,
        modality: input.modality,
      })
      .returning({ id: appointments.id });
    await enqueueEvent(tx, { name: "portal/appointment.booked", data: { appointmentId: row!.id } });
    await assignOnBooking(tx, actor, input.patientId, clinicianId);
    return row!.id;
  });
  return { ok: true, appointmentId };
}

/** Cancels a scheduled appointment, recording who cancelled it and the reason if one was given. */
export async function cancelAppointment(
  db: Db,
  actor: SessionUser,
  appointmentId: string,
  reason?: string,
): Promise<LifecycleResult> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(appointments)
      .set({ status: "cancelled", cancelledAt: new Date(), cancelledBy: actor.id, cancellationReason: reason || null })
      .where(and(eq(appointments.id, appointmentId), eq(appointments.status, "scheduled"), ownedBy(actor)))
      .returning({ id: appointments.id });
    if (!row) return notFound;
    await enqueueEvent(tx, { name: "portal/appointment.cancelled", data: { appointmentId: row.id } });
    return { ok: true, appointmentId: row.id };
  });
}

/** Moves a scheduled appointment; the history keeps the old time, and reminders follow the new one. */
export async function rescheduleAppointment(
  db: Db,
  actor: SessionUser,
  appointmentId: string,
  localStartsAt: string,
  now = new Date(),
): Promise<LifecycleResult> {
  const result = await db.transaction(async (tx) => {
    const [current] = await tx
      .select({ startsAt: appointments.startsAt, clinicianId: appointments.clinicianId })
      .from(appointments)
      .where(and(eq(appointments.id, appointmentId), eq(appointments.status, "scheduled"), ownedBy(actor)))
      .for("update");
    if (!current) return notFound;
    const startsAt = zonedTimeToUtc(localStartsAt, (await clinicianZone(tx, current.clinicianId)) ?? "UTC");
    if (startsAt <= now)
      return {
        ok: false as const,
        fieldErrors: { startsAt: ["Choose a time in the future."] },
        message: "Nothing was changed.",
      };
    if (startsAt.getTime() === current.startsAt.getTime())
      return {
        ok: false as const,
        fieldErrors: { startsAt: ["That is the current time."] },
        message: "Nothing was changed.",
      };
    await tx.update(appointments).set({ startsAt }).where(eq(appointments.id, appointmentId));
    const [history] = await tx
      .insert(appointmentReschedules)
      .values({ appointmentId, previousStartsAt: current.startsAt, newStartsAt: startsAt, actorId: actor.id })
      .returning({ id: appointmentReschedules.id });
    await enqueueEvent(tx, {
      name: "portal/appointment.rescheduled",
      data: { appointmentId, rescheduleId: history!.id },
    });
    return { ok: true as const, appointmentId };
  });
  return result;
}

import "server-only";
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { appointmentReschedules, appointments, patientProfiles, scheduleAudit, users } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session";
import { enqueueEvent } from "@/lib/events/outbox";
import { assignOnBooking, isAssigned } from "@/lib/roster/assignments";
import type { DomainResult } from "@/lib/result";
import { existsInZone, zonedTimeToUtc } from "@/lib/zoned-time";
import {
  clinicianForRules,
  lockClinicianSchedule,
  scheduleViolations,
  type ClinicianForRules,
  type RuleViolation,
} from "./rules";

export type LifecycleResult = DomainResult<{ appointmentId: string }>;

const notFound: LifecycleResult = {
  ok: false,
  message: "That appointment was not found, or it is not yours to change.",
};

/** Clinicians change only their own appointments; admins any. Zero rows means not found (no hint why). */
const ownedBy = (actor: SessionUser): SQL | undefined =>
  actor.role === "admin" ? undefined : eq(appointments.clinicianId, actor.id);

/** An admin's request to book or move against the rules; the reason is required and audited. */
export type Override = { requested?: boolean; reason?: string };
type Refusal = Extract<LifecycleResult, { ok: false }>;

/**
 * The scheduling rules, checked under the clinician's lock: nothing breaks them (go ahead), an admin overrides with a
 * reason (go ahead, audited), or a refusal whose field error says why.
 */
async function enforceRules(
  tx: Tx,
  actor: SessionUser,
  clinician: ClinicianForRules,
  visit: { startsAt: Date; durationMinutes: number; excludeAppointmentId?: string },
  override: Override | undefined,
  nothing: string,
): Promise<{ overridden: RuleViolation[] } | Refusal> {
  const violations = await scheduleViolations(tx, clinician, visit);
  if (violations.length === 0) return { overridden: [] };
  const admin = actor.role === "admin";
  if (admin && override?.requested) {
    if (override.reason?.trim()) return { overridden: violations };
    return {
      ok: false,
      message: nothing,
      fieldErrors: { overrideReason: ["Say why this goes against the schedule rules."] },
    };
  }
  return {
    ok: false,
    message: admin ? `${nothing} An admin may override with a stated reason.` : nothing,
    fieldErrors: { startsAt: violations.map((v) => v.message) },
  };
}

/** A time the clocks skip (spring forward) is refused, not moved an hour: the clinician says which time they mean. */
const skippedTime = (timeZone: string, nothing: string): Refusal => ({
  ok: false,
  fieldErrors: { startsAt: [`That time does not exist in ${timeZone}: the clocks go forward then.`] },
  message: nothing,
});

async function auditOverride(
  tx: Tx,
  action: "booking.override" | "reschedule.override",
  actor: SessionUser,
  clinicianId: string,
  appointmentId: string,
  overridden: RuleViolation[],
  reason: string | undefined,
) {
  if (overridden.length === 0) return;
  await tx.insert(scheduleAudit).values({
    actorId: actor.id,
    clinicianId,
    appointmentId,
    action,
    reason: reason?.trim() ?? null,
    // Rule codes and ids only: the messages name patients.
    detail: {
      overridden: [...new Set(overridden.map((v) => v.rule))],
      overlapsWith: overridden.flatMap((v) => (v.rule === "overlap" ? [v.appointmentId] : [])),
    },
  });
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
    override?: Override;
  },
  now = new Date(),
): Promise<LifecycleResult> {
  const clinicianId = actor.role === "clinician" ? actor.id : input.clinicianId;
  if (!clinicianId)
    return { ok: false, fieldErrors: { clinicianId: ["Choose a clinician."] }, message: "Nothing was booked." };
  const clinician = await clinicianForRules(db, clinicianId);
  if (!clinician)
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
  if (!existsInZone(input.startsAt, clinician.timeZone)) return skippedTime(clinician.timeZone, "Nothing was booked.");
  const startsAt = zonedTimeToUtc(input.startsAt, clinician.timeZone);
  if (startsAt <= now)
    return { ok: false, fieldErrors: { startsAt: ["Choose a time in the future."] }, message: "Nothing was booked." };
  return db.transaction(async (tx): Promise<LifecycleResult> => {
    await lockClinicianSchedule(tx, clinicianId);
    const visit = { startsAt, durationMinutes: input.durationMinutes };
    const rules = await enforceRules(tx, actor, clinician, visit, input.override, "Nothing was booked.");
    if ("ok" in rules) return rules;
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
    await auditOverride(tx, "booking.override", actor, clinicianId, row!.id, rules.overridden, input.override?.reason);
    await enqueueEvent(tx, { name: "portal/appointment.booked", data: { appointmentId: row!.id } });
    await assignOnBooking(tx, actor, input.patientId, clinicianId);
    return { ok: true, appointmentId: row!.id };
  });
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
      .set({
        status: "cancelled",
        cancelledAt: new Date(),
        cancelledBy: actor.id,
        cancellationReason: reason?.trim() || null,
        sequence: sql`${appointments.sequence} + 1`,
      })
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
  override?: Override,
  now = new Date(),
): Promise<LifecycleResult> {
  const scoped = and(eq(appointments.id, appointmentId), eq(appointments.status, "scheduled"), ownedBy(actor));
  const result = await db.transaction(async (tx): Promise<LifecycleResult> => {
    // The clinician's lock before the row's, in the same order as bookings take them, so two never wait on each other.
    const [owner] = await tx.select({ clinicianId: appointments.clinicianId }).from(appointments).where(scoped);
    if (!owner) return notFound;
    await lockClinicianSchedule(tx, owner.clinicianId);
    const [current] = await tx
      .select({
        startsAt: appointments.startsAt,
        clinicianId: appointments.clinicianId,
        durationMinutes: appointments.durationMinutes,
      })
      .from(appointments)
      .where(scoped)
      .for("update");
    const clinician = current && (await clinicianForRules(tx, current.clinicianId));
    if (!current || !clinician) return notFound;
    if (!existsInZone(localStartsAt, clinician.timeZone))
      return skippedTime(clinician.timeZone, "Nothing was changed.");
    const startsAt = zonedTimeToUtc(localStartsAt, clinician.timeZone);
    if (startsAt <= now)
      return {
        ok: false,
        fieldErrors: { startsAt: ["Choose a time in the future."] },
        message: "Nothing was changed.",
      };
    if (startsAt.getTime() === current.startsAt.getTime())
      return {
        ok: false,
        fieldErrors: { startsAt: ["That is the current time."] },
        message: "Nothing was changed.",
      };
    const visit = { startsAt, durationMinutes: current.durationMinutes, excludeAppointmentId: appointmentId };
    const rules = await enforceRules(tx, actor, clinician, visit, override, "Nothing was changed.");
    if ("ok" in rules) return rules;
    await tx
      .update(appointments)
      .set({ startsAt, sequence: sql`${appointments.sequence} + 1` })
      .where(eq(appointments.id, appointmentId));
    await auditOverride(
      tx,
      "reschedule.override",
      actor,
      clinician.clinicianId,
      appointmentId,
      rules.overridden,
      override?.reason,
    );
    const [history] = await tx
      .insert(appointmentReschedules)
      .values({ appointmentId, previousStartsAt: current.startsAt, newStartsAt: startsAt, actorId: actor.id })
      .returning({ id: appointmentReschedules.id });
    await enqueueEvent(tx, {
      name: "portal/appointment.rescheduled",
      data: { appointmentId, rescheduleId: history!.id },
    });
    return { ok: true, appointmentId };
  });
  return result;
}

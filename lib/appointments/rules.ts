import "server-only";
import { and, asc, eq, gt, isNull, lt, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { appointments, clinicians, users, workingHours } from "@/db/schema";
import { formatClock } from "@/lib/format";
import { describeIntervals, localSpan, toWeeklyHours, weekdays, withinHours } from "./working-hours";

/** The longest visit the booking schema allows: bounds the overlap scan to an index range. */
const MAX_DURATION_MINUTES = 240;

export type RuleViolation =
  { rule: "working_hours"; message: string } | { rule: "overlap"; message: string; appointmentId: string };

export type ClinicianForRules = { clinicianId: string; displayName: string; timeZone: string };

export async function clinicianForRules(db: Db | Tx, clinicianId: string): Promise<ClinicianForRules | null> {
  const [row] = await db
    .select({ clinicianId: clinicians.userId, displayName: clinicians.displayName, timeZone: clinicians.timeZone })
    .from(clinicians)
    .innerJoin(users, eq(users.id, clinicians.userId))
    // A deactivated clinician cannot be booked, moved to or given hours: to these rules they are not there.
    .where(and(eq(clinicians.userId, clinicianId), isNull(users.deactivatedAt)));
  return row ?? null;
}

/**
 * Serialises bookings and moves of one clinician until the transaction ends, so two at once cannot both pass the
 * overlap check. A transaction-scoped advisory lock: released on commit or rollback, never left behind.
 */
export async function lockClinicianSchedule(tx: Tx, clinicianId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`schedule:${clinicianId}`}, 0))`);
}

export async function weeklyHoursOf(db: Db | Tx, clinicianId: string) {
  const rows = await db
    .select({ weekday: workingHours.weekday, startMinute: workingHours.startMinute, endMinute: workingHours.endMinute })
    .from(workingHours)
    .where(eq(workingHours.clinicianId, clinicianId));
  return toWeeklyHours(rows);
}

/** Why a visit at this time breaks the rules: outside the clinician's hours, or overlapping a scheduled visit. */
export async function scheduleViolations(
  tx: Db | Tx,
  clinician: ClinicianForRules,
  visit: { startsAt: Date; durationMinutes: number; excludeAppointmentId?: string },
): Promise<RuleViolation[]> {
  const violations: RuleViolation[] = [];
  const { timeZone, displayName } = clinician;
  const hours = await weeklyHoursOf(tx, clinician.clinicianId);
  const span = localSpan(visit.startsAt, visit.durationMinutes, timeZone);
  if (!withinHours(span, hours)) {
    const day = hours[span.weekday] ?? [];
    const plural = `${weekdays[span.weekday]}s`;
    violations.push({
      rule: "working_hours",
      message: day.length
        ? `${displayName} works ${describeIntervals(day)} on ${plural} (${timeZone}).`
        : `${displayName} does not work on ${plural} (${timeZone}).`,
    });
  }
  const endsAt = new Date(visit.startsAt.getTime() + visit.durationMinutes * 60_000);
  // Strictly overlapping: a visit ending at 10:00 and the next starting at 10:00 touch, and both stand.
  const clashes = await tx
    // Times only, never the other patient's name: the refusal is not a read of their record (nothing to log).
    .select({ id: appointments.id, startsAt: appointments.startsAt, durationMinutes: appointments.durationMinutes })
    .from(appointments)
    .where(
      and(
        eq(appointments.clinicianId, clinician.clinicianId),
        eq(appointments.status, "scheduled"),
        visit.excludeAppointmentId ? ne(appointments.id, visit.excludeAppointmentId) : undefined,
        lt(appointments.startsAt, endsAt),
        gt(appointments.startsAt, new Date(visit.startsAt.getTime() - MAX_DURATION_MINUTES * 60_000)),
        sql`${appointments.startsAt} + make_interval(mins => ${appointments.durationMinutes}) > ${visit.startsAt.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(asc(appointments.startsAt));
  for (const clash of clashes) {
    const clashEnds = new Date(clash.startsAt.getTime() + clash.durationMinutes * 60_000);
    violations.push({
      rule: "overlap",
      appointmentId: clash.id,
      message: `Overlaps another visit, ${formatClock(clash.startsAt, timeZone)}–${formatClock(clashEnds, timeZone)}.`,
    });
  }
  return violations;
}

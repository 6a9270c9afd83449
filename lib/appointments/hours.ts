import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { scheduleAudit, workingHours } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session";
import { clinicianForRules, lockClinicianSchedule, weeklyHoursOf } from "./rules";
import { intervalsToText, parseIntervals, weekdays, type WeeklyHours } from "./working-hours";

export type HoursResult = { ok: true } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

/** "day1" … the form's field per weekday (0 = Sunday). */
export const dayField = (weekday: number) => `day${weekday}`;

/** The week as text per weekday, for the form and the audit's before/after. */
export const weekAsText = (hours: WeeklyHours) =>
  Object.fromEntries(weekdays.map((_, day) => [weekdays[day], intervalsToText(hours[day] ?? [])]));

/**
 * Replaces a clinician's working hours: the clinician their own, an admin anyone's. Every field is checked before
 * anything is written; the change is audited with the week before and after. Visits already booked stay.
 */
export async function saveWorkingHours(
  db: Db,
  actor: SessionUser,
  input: { clinicianId?: string; days: Record<string, string | undefined> },
): Promise<HoursResult> {
  const clinicianId = actor.role === "admin" ? input.clinicianId : actor.id;
  const clinician = clinicianId ? await clinicianForRules(db, clinicianId) : null;
  if (!clinician || actor.role === "patient") return { ok: false, message: "That clinician was not found." };
  const hours: WeeklyHours = {};
  const fieldErrors: Record<string, string[]> = {};
  for (let day = 0; day < 7; day++) {
    const parsed = parseIntervals(input.days[dayField(day)] ?? "");
    if (parsed.ok) hours[day] = parsed.intervals;
    else fieldErrors[dayField(day)] = [parsed.error];
  }
  if (Object.keys(fieldErrors).length) return { ok: false, message: "Nothing was saved.", fieldErrors };
  await db.transaction(async (tx) => {
    // Bookings check hours under this lock: none sees half a week.
    await lockClinicianSchedule(tx, clinician.clinicianId);
    const before = await weeklyHoursOf(tx, clinician.clinicianId);
    await tx.delete(workingHours).where(eq(workingHours.clinicianId, clinician.clinicianId));
    const rows = Object.entries(hours).flatMap(([day, intervals]) =>
      intervals.map((i) => ({ clinicianId: clinician.clinicianId, weekday: Number(day), ...i })),
    );
    if (rows.length) await tx.insert(workingHours).values(rows);
    await tx.insert(scheduleAudit).values({
      actorId: actor.id,
      clinicianId: clinician.clinicianId,
      action: "working_hours.updated",
      detail: { before: weekAsText(before), after: weekAsText(hours), timeZone: clinician.timeZone },
    });
  });
  return { ok: true };
}

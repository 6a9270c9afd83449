import "server-only";
import { sql } from "drizzle-orm";
import { executeRows, type Db } from "@/db/client";
import { reminderWindows, type ReminderKind } from "./kinds";

export type DuePair = { appointmentId: string; kind: ReminderKind; startsAt: Date };

// Looks back past the start too, so a reminder missed during downtime is still recorded as window_passed.
export const LOOK_BACK_MS = 60 * 60_000;
export const LOOK_AHEAD_MS = Math.max(...Object.values(reminderWindows).map((w) => w.opensBefore));

/**
 * Every (scheduled appointment, reminder kind) whose moment has come and that has no delivery record for the
 * appointment's current start: one range scan of appointments_status_starts_idx, one index probe per pair.
 */
export async function findDueReminders(db: Db, now: Date, limit = 5000): Promise<DuePair[]> {
  const kinds = Object.entries(reminderWindows).map(([kind, w]) => sql`(${kind}, ${w.opensBefore / 60_000}::int)`);
  const nowIso = now.toISOString();
  type Row = { appointment_id: string; kind: ReminderKind; starts_at: string | Date };
  const list = await executeRows<Row>(db, sql`
    select a.id as appointment_id, k.kind, a.starts_at
    from appointments a
    join (values ${sql.join(kinds, sql`, `)}) as k(kind, opens_minutes)
      on a.starts_at - make_interval(mins => k.opens_minutes) <= ${nowIso}::timestamptz
    where a.status = 'scheduled'
      and a.starts_at > ${new Date(now.getTime() - LOOK_BACK_MS).toISOString()}::timestamptz
      and a.starts_at <= ${new Date(now.getTime() + LOOK_AHEAD_MS).toISOString()}::timestamptz
      and not exists (
        select 1 from notification_deliveries d
        where d.appointment_id = a.id and d.kind = k.kind and d.appointment_starts_at = a.starts_at
      )
    order by a.starts_at, k.kind
    limit ${limit}`);
  return list.map((row) => ({ appointmentId: row.appointment_id, kind: row.kind, startsAt: new Date(row.starts_at) }));
}

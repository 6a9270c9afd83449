import "server-only";
import { eq, sql } from "drizzle-orm";
import { executeRows, type Db } from "@/db/client";
import { jobWatermarks } from "@/db/schema";
import { reminderKinds, reminderWindows, type ReminderKind } from "./kinds";

export type DuePair = { appointmentId: string; kind: ReminderKind; startsAt: Date; updatedAt: Date };

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
  type Row = { appointment_id: string; kind: ReminderKind; starts_at: string | Date; updated_at: string | Date };
  const list = await executeRows<Row>(
    db,
    sql`
    select a.id as appointment_id, k.kind, a.starts_at, a.updated_at
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
    limit ${limit}`,
  );
  return list.map((row) => ({
    appointmentId: row.appointment_id,
    kind: row.kind,
    startsAt: new Date(row.starts_at),
    updatedAt: new Date(row.updated_at),
  }));
}

const PASSED_WATERMARK = "reminders-passed";
/** The first run (no watermark yet) and a run after very long downtime look back this far, no further. */
const MAX_PASSED_LOOK_BACK_MS = 30 * 24 * 3600_000;

export type PassedResult = { recorded: number; appointments: number; upTo: Date };

/**
 * After downtime longer than the scan's look-back, appointments that started meanwhile fall out of `findDueReminders`:
 * each of their reminders without a record gets `window_passed` on both channels, so "why didn't I get a reminder?"
 * has an answer. A watermark keeps where the last run got to, so a normal run covers the last few minutes only; a run
 * after downtime of any length covers it (up to 30 days), in batches of `batchSize` appointments.
 */
export async function recordPassedReminders(
  db: Db,
  now: Date,
  { batchSize = 2000, maxBatches = 10 } = {},
): Promise<PassedResult> {
  const upTo = new Date(now.getTime() - LOOK_BACK_MS);
  const [mark] = await db
    .select({ until: jobWatermarks.until })
    .from(jobWatermarks)
    .where(eq(jobWatermarks.name, PASSED_WATERMARK));
  let since = new Date(Math.max(mark?.until.getTime() ?? 0, upTo.getTime() - MAX_PASSED_LOOK_BACK_MS));
  const result: PassedResult = { recorded: 0, appointments: 0, upTo: since };
  const kinds = sql.join(
    reminderKinds.map((kind) => sql`(${kind})`),
    sql`, `,
  );
  for (let batch = 0; batch < maxBatches && since < upTo; batch++) {
    type Row = { recorded: number | string; batch_size: number | string; last_start: string | Date | null };
    const [row] = await executeRows<Row>(
      db,
      sql`
      with batch as (
        select a.id, a.patient_id, a.starts_at from appointments a
        where a.status = 'scheduled' and a.starts_at > ${since.toISOString()}::timestamptz and a.starts_at <= ${upTo.toISOString()}::timestamptz
        order by a.starts_at
        limit ${batchSize}
      ), pairs as (
        select b.id, b.patient_id, b.starts_at, k.kind, c.logical,
          case when c.logical = 'email' then 'email' else p.text_channel::text end as channel
        from batch b
        join patient_profiles p on p.user_id = b.patient_id
        cross join (values ${kinds}) as k(kind)
        cross join (values ('email'), ('text')) as c(logical)
        where not exists (
          select 1 from notification_deliveries d
          where d.appointment_id = b.id and d.kind = k.kind and d.appointment_starts_at = b.starts_at
        )
      ), inserted as (
        insert into notification_deliveries (delivery_key, patient_id, appointment_id, appointment_starts_at, kind, channel, status, reason)
        select id || ':' || kind || ':' || logical || ':' || to_char(starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          patient_id, id, starts_at, kind, channel::channel, 'skipped', 'window_passed'
        from pairs
        on conflict (delivery_key) do nothing
        returning 1
      )
      select (select count(*) from inserted) as recorded, (select count(*) from batch) as batch_size, (select max(starts_at) from batch) as last_start`,
    );
    const size = Number(row!.batch_size);
    result.recorded += Number(row!.recorded);
    result.appointments += size;
    // A full batch may have left others at its last start: the next batch starts just before it (records are idempotent).
    since = size < batchSize ? upTo : new Date(new Date(row!.last_start!).getTime() - 1);
  }
  result.upTo = since;
  await db
    .insert(jobWatermarks)
    .values({ name: PASSED_WATERMARK, until: since })
    .onConflictDoUpdate({ target: jobWatermarks.name, set: { until: since } });
  return result;
}

import type { Sql } from "postgres";
import { connectPostgres } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { databaseExists, databaseUrl, freshDatabase, rawClient } from "../support/databases";
import { clinicianZoneSql, insertPeople } from "../support/people";

/** Bump when the generated data changes, so a cached database is rebuilt rather than silently reused. */
const GENERATOR_VERSION = "scan-v1";
export const SCAN_DATABASE = "portal_bench_scan";
const PATIENTS = 20_000;
const CLINICIANS = 200;
const APPOINTMENTS = 1_000_000;
const DAY = 86_400_000;

export type ScanDataset = {
  anchor: Date;
  appointments: number;
  deliveries: number;
  loadSeconds: number;
  reused: boolean;
};

/**
 * The clinic's "now": 13:00 UTC on the day the data was generated, inside clinic hours on both sides of the
 * Atlantic, so the scan window is as busy as a weekday afternoon. Stored, so a reused database is measured as built.
 */
function anchorFor(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), 13));
}

/** Monday of the week half a year before the anchor: 261 working days from there span the year around it. */
function firstMonday(anchor: Date): string {
  const start = new Date(anchor.getTime() - 182 * DAY);
  const back = (start.getUTCDay() + 6) % 7;
  return new Date(start.getTime() - back * DAY).toISOString().slice(0, 10);
}

const appointmentsSql = `
  insert into appointments (id, patient_id, clinician_id, starts_at, duration_minutes, modality, status, cancelled_at, created_at, updated_at)
  select md5('bench-appt-' || i)::uuid, 'bench-patient-' || patient, 'bench-clinician-' || clinician, starts_at,
    case when bench_h(i, 17) % 100 < 20 then 60 else 30 end,
    (case when bench_h(i, 17) % 100 >= 65 then 'telehealth' else 'in_person' end)::appointment_modality,
    (case when cancelled then 'cancelled' when starts_at < $1 - interval '2 hours' then 'completed' else 'scheduled' end)::appointment_status,
    case when cancelled then created_at + (least(starts_at, $1) - created_at) / 2 end,
    created_at, created_at
  from (
    select i, patient, clinician, starts_at, cancelled,
      -- booked 1-60 days ahead (4% within the last day), never after the anchor
      least(starts_at - lead, $1 - (bench_h(i, 19) % 10080) * interval '1 minute') as created_at
    from (
      select i, 1 + bench_h(i, 11) % ${PATIENTS} as patient, clinician,
        -- a working day of the year, a 15-minute slot in the clinician's 08:00-18:00, in their time zone
        ((($2::date + ((bench_h(i, 13) % 261 / 5) * 7 + bench_h(i, 13) % 261 % 5)::int)::timestamp
          + time '08:00' + (bench_h(i, 14) % 40) * interval '15 minutes') at time zone ${clinicianZoneSql("clinician")}) as starts_at,
        bench_h(i, 15) % 100 < 8 as cancelled,
        case when bench_h(i, 16) % 100 < 4 then (2 + bench_h(i, 18) % 21) * interval '1 hour'
             else (1 + bench_h(i, 18) % 60) * interval '1 day' end as lead
      from (select i, 1 + bench_h(i, 12) % ${CLINICIANS} as clinician from generate_series(1, ${APPOINTMENTS}) i) numbered
    ) timed
  ) booked`;

/**
 * One row per reminder and channel the cron has already handled: every pair due more than 5 minutes before the
 * anchor (the cron runs every 5), decided as decide() would from the patient's choices. Cancelled appointments
 * have none (the cancellation message is another kind, which the scan's index probe never reads).
 */
const deliveriesSql = `
  insert into notification_deliveries (id, delivery_key, patient_id, appointment_id, appointment_starts_at, kind, channel,
    status, reason, provider_message_id, error_code, attempts, created_at, updated_at)
  select md5(key)::uuid, key, patient_id, appointment_id, starts_at, kind, channel::channel,
    (case when reason is null and failed then 'failed' when reason is null then 'sent' else 'skipped' end)::delivery_status,
    case when reason is null and failed then 'permanent_error' else reason end,
    case when reason is null and not failed then 'bench_' || left(md5(key), 24) end,
    case when reason is null and failed then '21211' end,
    case when reason is null then 1 else 0 end, decided_at, decided_at
  from (
    select a.id as appointment_id, a.patient_id, a.starts_at, k.kind,
      a.id::text || ':' || k.kind || ':' || l.logical || ':' || to_char(a.starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as key,
      case when l.logical = 'email' then 'email' else p.text_channel::text end as channel,
      case
        when a.created_at > a.starts_at - k.opens then 'booked_inside_window'
        when not p.appointment_reminders then 'reminders_disabled'
        when l.logical = 'email' and not p.email_notifications then 'email_disabled'
        when l.logical = 'text' and not p.text_messages then 'texts_disabled'
        when l.logical = 'text' and p.phone_e164 is null then 'no_phone'
        when l.logical = 'text' and p.text_channel = 'whatsapp' and not p.whatsapp_opt_in then 'whatsapp_not_opted_in'
      end as reason,
      l.logical = 'text' and hashtext(a.id::text || k.kind) & 1023 < 5 as failed,
      greatest(a.starts_at - k.opens, a.created_at) + (hashtext(a.id::text) & 255) * interval '1 second' as decided_at
    from appointments a
    join patient_profiles p on p.user_id = a.patient_id
    cross join (values ('reminder_24h', interval '24 hours'), ('reminder_1h', interval '1 hour'), ('reminder_15m', interval '15 minutes')) k(kind, opens)
    cross join (values ('email'), ('text')) l(logical)
    where a.status <> 'cancelled' and a.starts_at - k.opens <= $1 - interval '5 minutes'
  ) due`;

async function load(sql: Sql, anchor: Date): Promise<void> {
  await sql.unsafe("set maintenance_work_mem = '512MB'");
  await sql.unsafe("set synchronous_commit = off");
  // Bulk load: foreign-key triggers off and secondary indexes rebuilt afterwards, as a restore would.
  await sql.unsafe("set session_replication_role = replica");
  const indexes = await sql<{ indexname: string; indexdef: string }[]>`
    select indexname, indexdef from pg_indexes
    where tablename in ('appointments', 'notification_deliveries') and indexname not like '%_pkey'`;
  for (const index of indexes) await sql.unsafe(`drop index ${index.indexname}`);
  await insertPeople(sql, PATIENTS, CLINICIANS, new Date(anchor.getTime() - 730 * DAY));
  await sql.unsafe(appointmentsSql, [anchor, firstMonday(anchor)]);
  await sql.unsafe(deliveriesSql, [anchor]);
  for (const index of indexes) await sql.unsafe(index.indexdef);
  await sql.unsafe("set session_replication_role = origin");
  // The visibility map makes the floor's count index-only; statistics give the planner real row estimates.
  await sql.unsafe("vacuum (analyze)");
}

/** A reused database gets the migrations added since it was built (a new index is measured, not missed). */
async function applyNewMigrations(sql: Sql, log: (line: string) => void): Promise<void> {
  const applied = async () =>
    (await sql<{ n: number }[]>`select count(*)::int as n from drizzle.__drizzle_migrations`)[0]!.n;
  const before = await applied();
  const handle = connectPostgres(databaseUrl(SCAN_DATABASE), { max: 1 });
  await migrateDb(handle);
  await handle.close();
  const added = (await applied()) - before;
  if (added === 0) return;
  log(`applied ${added} new migration(s) to ${SCAN_DATABASE}`);
  await sql.unsafe("vacuum (analyze)");
}

/** Builds the 1M-appointment database, or reuses it when the same generator version already built it. */
export async function ensureScanDataset(log: (line: string) => void): Promise<ScanDataset> {
  if (await databaseExists(SCAN_DATABASE)) {
    const sql = rawClient(SCAN_DATABASE);
    try {
      const [meta] = await sql<
        { version: string; anchor: Date; appointments: number; deliveries: number; load_seconds: number }[]
      >`
        select * from bench_dataset`.catch(() => []);
      if (meta?.version === GENERATOR_VERSION) {
        log(`reusing ${SCAN_DATABASE} (${GENERATOR_VERSION}, built in ${meta.load_seconds.toFixed(0)} s)`);
        await applyNewMigrations(sql, log);
        return {
          anchor: meta.anchor,
          appointments: meta.appointments,
          deliveries: meta.deliveries,
          loadSeconds: meta.load_seconds,
          reused: true,
        };
      }
    } finally {
      await sql.end();
    }
  }
  log(`building ${SCAN_DATABASE}: ${APPOINTMENTS.toLocaleString("en")} appointments (a few minutes)`);
  const started = performance.now();
  const handle = await freshDatabase(SCAN_DATABASE);
  await handle.close();
  const sql = rawClient(SCAN_DATABASE);
  try {
    const anchor = anchorFor(new Date());
    await load(sql, anchor);
    const [counts] = await sql<{ appointments: number; deliveries: number }[]>`
      select (select count(*)::int from appointments) as appointments, (select count(*)::int from notification_deliveries) as deliveries`;
    const loadSeconds = (performance.now() - started) / 1000;
    await sql`create table bench_dataset (version text, anchor timestamptz, appointments int, deliveries int, load_seconds float8)`;
    await sql`insert into bench_dataset values (${GENERATOR_VERSION}, ${anchor}, ${counts!.appointments}, ${counts!.deliveries}, ${loadSeconds})`;
    log(`built in ${loadSeconds.toFixed(0)} s: ${counts!.deliveries.toLocaleString("en")} delivery records`);
    return { anchor, ...counts!, loadSeconds, reused: false };
  } finally {
    await sql.end();
  }
}

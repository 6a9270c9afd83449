import type { Sql } from "postgres";

/** Deterministic pseudo-random 0..2^31-1 from (row number, salt): the same data on every machine and every run. */
export const hashFunctionSql = `
  create or replace function bench_h(i bigint, salt int) returns bigint
  language sql immutable parallel safe as $$ select hashint8(i * 1000003 + salt)::bigint & 2147483647 $$`;

export const patientZones = [
  "Europe/London",
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Los_Angeles",
  "Europe/Berlin",
  "Australia/Sydney",
  "Asia/Kolkata",
];
export const clinicianZones = [
  "Europe/London",
  "America/New_York",
  "America/Chicago",
  "America/Los_Angeles",
  "Europe/Berlin",
];

const zoneArray = (zones: string[]) => `array[${zones.map((z) => `'${z}'`).join(",")}]`;

/** SQL for clinician n's time zone, shared by the clinicians rows and the appointment times in their clinic hours. */
export const clinicianZoneSql = (n: string) =>
  `(${zoneArray(clinicianZones)})[1 + bench_h(${n}, 22) % ${clinicianZones.length}]`;

/**
 * Patients with a clinic's mix of choices: 94% email on, 70% with a mobile, 45% texts on (a fifth of them by
 * WhatsApp, most opted in), 8% reminders off. Ids are `bench-patient-<n>`, emails `patient<n>@bench.example`.
 */
export async function insertPeople(sql: Sql, patients: number, clinicians: number, createdAt: Date): Promise<void> {
  await sql.unsafe(hashFunctionSql);
  await sql.unsafe(
    `insert into users (id, name, email, role, created_at)
     select 'bench-patient-' || i, 'Patient ' || i, 'patient' || i || '@bench.example', 'patient', $1
     from generate_series(1, ${patients}) i`,
    [createdAt],
  );
  await sql.unsafe(
    `insert into patient_profiles (user_id, first_name, last_name, phone_e164, time_zone, email_notifications,
       text_messages, text_channel, whatsapp_opt_in, appointment_reminders, created_at, updated_at)
     select 'bench-patient-' || i, 'Pat' || i, 'Bench',
       case when bench_h(i, 1) % 100 < 70 then '+1202555' || lpad((i % 10000)::text, 4, '0') end,
       (${zoneArray(patientZones)})[1 + bench_h(i, 2) % ${patientZones.length}],
       bench_h(i, 3) % 100 >= 6,
       bench_h(i, 1) % 100 < 45,
       (case when bench_h(i, 4) % 100 < 20 then 'whatsapp' else 'sms' end)::text_channel,
       bench_h(i, 4) % 100 < 15,
       bench_h(i, 5) % 100 >= 8,
       $1, $1
     from generate_series(1, ${patients}) i`,
    [createdAt],
  );
  await sql.unsafe(
    `insert into users (id, name, email, role, created_at)
     select 'bench-clinician-' || i, 'Dr. Bench ' || i, 'clinician' || i || '@bench.example', 'clinician', $1
     from generate_series(1, ${clinicians}) i`,
    [createdAt],
  );
  await sql.unsafe(
    `insert into clinicians (user_id, display_name, time_zone, created_at, updated_at)
     select 'bench-clinician-' || i, 'Dr. Bench ' || i, ${clinicianZoneSql("i")}, $1, $1
     from generate_series(1, ${clinicians}) i`,
    [createdAt],
  );
}

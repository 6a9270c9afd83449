import type { DbHandle, PostgresOptions } from "@/db/client";
import { freshDatabase, rawClient } from "../support/databases";
import { insertPeople } from "../support/people";

export const DISPATCH_DATABASE = "portal_bench_dispatch";
const PATIENTS = 2_000;
const CLINICIANS = 20;

/**
 * `appointments` scheduled visits starting 2-22 h from now, booked a week ago: each has exactly one due reminder
 * (the 24 h one), which the real scan finds. Patients carry the same mix of choices as the 1M set, so some
 * messages are skipped with a reason, as in a clinic.
 */
export async function prepareDispatchDatabase(appointments: number, options: PostgresOptions): Promise<DbHandle> {
  const handle = await freshDatabase(DISPATCH_DATABASE, options);
  const sql = rawClient(DISPATCH_DATABASE);
  try {
    const now = new Date();
    await insertPeople(sql, PATIENTS, CLINICIANS, new Date(now.getTime() - 365 * 86_400_000));
    await sql.unsafe(
      `insert into appointments (id, patient_id, clinician_id, starts_at, duration_minutes, modality, status, created_at, updated_at)
       select md5('bench-dispatch-' || i)::uuid, 'bench-patient-' || (1 + bench_h(i, 11) % ${PATIENTS}),
         'bench-clinician-' || (1 + bench_h(i, 12) % ${CLINICIANS}),
         $1::timestamptz + interval '2 hours' + (i * interval '20 hours') / ${appointments}, 30,
         (case when bench_h(i, 17) % 100 >= 65 then 'telehealth' else 'in_person' end)::appointment_modality,
         'scheduled', $1::timestamptz - interval '7 days', $1::timestamptz - interval '7 days'
       from generate_series(1, ${appointments}) i`,
      [now],
    );
    await sql.unsafe("vacuum (analyze)");
  } finally {
    await sql.end();
  }
  return handle;
}

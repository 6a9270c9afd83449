import "server-only";
import { sql } from "drizzle-orm";
import { executeRows, type Db } from "@/db/client";

/**
 * 45 CFR 164.316(b)(2)(i): audit documentation is kept six years. The database refuses to delete a younger row
 * (the audit_append_only trigger), so a wrong cutoff here can only delete less, never more.
 */
export const RETENTION_YEARS = 6;
const BATCH = 10_000;

/**
 * Deletes access-log rows older than six years and ledger rows older than six years that a newer row of the same
 * patient and field supersedes (the latest stays: it is the evidence for the current setting) and that no video
 * session cites. At most BATCH rows of each per run; the daily cron catches up.
 */
export async function pruneAuditRecords(db: Db): Promise<{ accessLog: number; ledger: number }> {
  return db.transaction(async (tx) => {
    // The trigger lets this transaction (and nothing else) delete rows past the retention period.
    await tx.execute(sql`select set_config('portal.retention_prune', 'on', true)`);
    const cutoff = sql`now() - make_interval(years => ${RETENTION_YEARS})`;
    const access = await executeRows<{ n: number }>(
      tx as unknown as Db,
      sql`with gone as (
        delete from access_log where id in (
          select id from access_log where created_at < ${cutoff} order by created_at limit ${BATCH}
        ) returning 1
      ) select count(*)::int as n from gone`,
    );
    const ledger = await executeRows<{ n: number }>(
      tx as unknown as Db,
      sql`with gone as (
        delete from preference_ledger where id in (
          select l.id from preference_ledger l
          where l.created_at < ${cutoff}
            and exists (select 1 from preference_ledger newer where newer.patient_id = l.patient_id
                        and newer.field = l.field and (newer.created_at, newer.id) > (l.created_at, l.id))
            and not exists (select 1 from video_sessions v where v.consent_ledger_id = l.id)
          order by l.created_at limit ${BATCH}
        ) returning 1
      ) select count(*)::int as n from gone`,
    );
    return { accessLog: Number(access[0]?.n ?? 0), ledger: Number(ledger[0]?.n ?? 0) };
  });
}

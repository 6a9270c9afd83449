import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

/**
 * Makes the database refuse the next `times` writes of a delivery's outcome as `sent` (a real error raised by
 * PostgreSQL, as a failover or a full disk would give), through a trigger. A sequence counts the refusals: unlike a
 * table it is not rolled back with the failing statement. Returns the function that removes the fault.
 */
export async function failSentOutcomeWrites(db: Db, times: number): Promise<() => Promise<void>> {
  await db.execute(sql.raw("drop sequence if exists fault_sent_outcome_seq"));
  await db.execute(sql.raw("create sequence fault_sent_outcome_seq"));
  await db.execute(
    sql.raw(`create or replace function fault_fail_sent_outcome() returns trigger language plpgsql as $$
      begin
        if NEW.status = 'sent' and OLD.status = 'pending' and nextval('fault_sent_outcome_seq') <= ${Math.trunc(times)} then
          raise exception 'injected fault: the outcome write failed';
        end if;
        return NEW;
      end $$`),
  );
  await db.execute(sql.raw("drop trigger if exists fault_fail_sent_outcome on notification_deliveries"));
  await db.execute(
    sql.raw(
      "create trigger fault_fail_sent_outcome before update on notification_deliveries for each row execute function fault_fail_sent_outcome()",
    ),
  );
  return async () => {
    await db.execute(sql.raw("drop trigger if exists fault_fail_sent_outcome on notification_deliveries"));
    await db.execute(sql.raw("drop function if exists fault_fail_sent_outcome()"));
    await db.execute(sql.raw("drop sequence if exists fault_sent_outcome_seq"));
  };
}

/** How many outcome writes the fault has refused so far. */
export async function refusedOutcomeWrites(db: Db): Promise<number> {
  const result: unknown = await db.execute(sql.raw("select last_value, is_called from fault_sent_outcome_seq"));
  const [row] = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
    last_value: string | number;
    is_called: boolean;
  }[];
  return row!.is_called ? Number(row!.last_value) : 0;
}

/**
 * Makes every insert into appointments wait `seconds` inside its transaction (a slow disk, a busy server), so
 * concurrent bookings that checked for overlaps without a lock would all get through. Returns the remover.
 */
export async function slowAppointmentInserts(db: Db, seconds: number): Promise<() => Promise<void>> {
  await db.execute(
    sql.raw(`create or replace function fault_slow_appointment_insert() returns trigger language plpgsql as $$
      begin perform pg_sleep(${Number(seconds)}); return NEW; end $$`),
  );
  await db.execute(sql.raw("drop trigger if exists fault_slow_appointment_insert on appointments"));
  await db.execute(
    sql.raw(
      "create trigger fault_slow_appointment_insert before insert on appointments for each row execute function fault_slow_appointment_insert()",
    ),
  );
  return async () => {
    await db.execute(sql.raw("drop trigger if exists fault_slow_appointment_insert on appointments"));
    await db.execute(sql.raw("drop function if exists fault_slow_appointment_insert()"));
  };
}

import "server-only";
import { sql } from "drizzle-orm";
import { executeRows, type Db } from "@/db/client";

export type MissedMessage = { change: "booked" | "cancelled" | "rescheduled"; appointmentId: string; eventId: string };

/**
 * Appointment changes of the last day whose message has no delivery record after a grace period: their event
 * was probably never sent. Re-emitted with the original event ids, so Inngest drops those that did arrive.
 */
export async function findMissedAppointmentMessages(db: Db, now = new Date(), graceMinutes = 5): Promise<MissedMessage[]> {
  const until = new Date(now.getTime() - graceMinutes * 60_000).toISOString();
  const since = new Date(now.getTime() - 24 * 3600_000).toISOString();
  type Row = { change: MissedMessage["change"]; appointment_id: string; event_id: string };
  const rows = await executeRows<Row>(db, sql`
    select 'booked' as change, a.id as appointment_id, 'appointment-booked-' || a.id as event_id
    from appointments a
    where a.created_at > ${since}::timestamptz and a.created_at <= ${until}::timestamptz
      and not exists (select 1 from notification_deliveries d where d.appointment_id = a.id and d.kind = 'confirmation')
    union all
    select 'cancelled', a.id, 'appointment-cancelled-' || a.id
    from appointments a
    where a.status = 'cancelled' and a.cancelled_at > ${since}::timestamptz and a.cancelled_at <= ${until}::timestamptz
      and not exists (select 1 from notification_deliveries d where d.appointment_id = a.id and d.kind = 'cancellation')
    union all
    select 'rescheduled', r.appointment_id, 'appointment-rescheduled-' || r.id
    from appointment_reschedules r
    where r.created_at > ${since}::timestamptz and r.created_at <= ${until}::timestamptz
      and not exists (
        select 1 from notification_deliveries d
        where d.appointment_id = r.appointment_id and d.kind = 'rescheduled' and d.appointment_starts_at = r.new_starts_at
      )`);
  return rows.map((row) => ({
    change: row.change,
    appointmentId: row.appointment_id,
    eventId: row.event_id,
  }));
}

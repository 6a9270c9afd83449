import type { Metadata } from "next";
import { filterInput, ListFilters, ListPager, zoneNote } from "@/components/admin/admin-list";
import { cell, rowClass, Table } from "@/components/ui/table";
import { db } from "@/db/client";
import { listAppointmentChanges } from "@/lib/appointments/admin-queries";
import { withStaffAccess } from "@/lib/access/record";
import { parseListParams } from "@/lib/admin/list";
import { formatAdminTime } from "@/lib/admin/time";
import { requirePageRole } from "@/lib/auth/session";
import { appointmentFields } from "../list-fields";

export const metadata: Metadata = { title: "Appointment changes" };

// "Who cancelled this visit?": each appointment with who booked, moved and cancelled it. Read-only.
export default async function AppointmentChangesPage({ searchParams }: PageProps<"/admin/appointments">) {
  const user = await requirePageRole("admin");
  const params = parseListParams(await searchParams, appointmentFields);
  const page = await withStaffAccess(user, () => listAppointmentChanges(db(), params));
  const at = (moment: Date) => formatAdminTime(moment, params.zone);
  return (
    <section>
      <h1 className="text-2xl font-semibold">Appointment changes</h1>
      <p className="mt-1 text-slate-600">
        Who booked, moved and cancelled each appointment, and when. The dates filter bookings. {zoneNote(params.zone)}
      </p>
      <ListFilters label="Filter appointment changes" params={params} exportPath="/admin/appointments/export">
        <label className="flex flex-col">
          Status
          <select name="status" defaultValue={params.status ?? ""} className={filterInput}>
            <option value="">Any</option>
            <option value="scheduled">Scheduled</option>
            <option value="cancelled">Cancelled</option>
            <option value="completed">Completed</option>
          </select>
        </label>
      </ListFilters>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <Table
          caption="Appointments, newest bookings first"
          headers={["Visit", "Booked", "Moved", "Cancelled"]}
          empty="No appointments match."
          isEmpty={page.rows.length === 0}
        >
          {page.rows.map((row) => (
            <tr key={row.id} className={rowClass} data-testid="appointment-change-row">
              <td className={cell}>
                {row.patientFirstName} {row.patientLastName} with {row.clinicianName}
                <span className="block text-xs text-slate-500">starts {at(row.startsAt)}</span>
              </td>
              <td className={cell}>
                {at(row.createdAt)} by {row.bookedByName ?? "not recorded"}
              </td>
              <td className={cell}>
                {row.moves.length === 0
                  ? "—"
                  : row.moves.map((move) => (
                      <span key={move.at.toISOString()} className="block">
                        {at(move.at)} by {move.byName ?? "not recorded"}: {at(move.previousStartsAt)} →{" "}
                        {at(move.newStartsAt)}
                      </span>
                    ))}
              </td>
              <td className={cell}>
                {row.status === "cancelled"
                  ? `${row.cancelledAt ? at(row.cancelledAt) : ""} by ${row.cancelledByName ?? "not recorded"}${row.cancellationReason ? `: “${row.cancellationReason}”` : ""}`
                  : "—"}
              </td>
            </tr>
          ))}
        </Table>
        <ListPager page={page} params={params} path="/admin/appointments" />
      </div>
    </section>
  );
}

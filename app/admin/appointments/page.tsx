import type { Metadata } from "next";
import { cell, rowClass, Table } from "@/components/ui/table";
import { db } from "@/db/client";
import { listAppointmentChanges } from "@/lib/appointments/admin-queries";
import { requirePageRole } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { PatientFilter, patientFilterOf } from "../patient-filter";

export const metadata: Metadata = { title: "Appointment changes" };

// "Who cancelled this visit?": each appointment with who booked, moved and cancelled it. Read-only.
export default async function AppointmentChangesPage({ searchParams }: PageProps<"/admin/appointments">) {
  await requirePageRole("admin");
  const patient = patientFilterOf(await searchParams);
  const rows = await listAppointmentChanges(db(), { patientEmail: patient });
  const at = (moment: Date) => formatDateTime(moment, "UTC");
  return (
    <section>
      <h1 className="text-2xl font-semibold">Appointment changes</h1>
      <p className="mt-1 text-slate-600">Who booked, moved and cancelled each appointment, and when. Times in UTC.</p>
      <PatientFilter label="Filter appointment changes" value={patient} />
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <Table
          caption="Appointments, newest bookings first"
          headers={["Visit", "Booked", "Moved", "Cancelled"]}
          empty="No appointments match."
          isEmpty={rows.length === 0}
        >
          {rows.map((row) => (
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
      </div>
    </section>
  );
}

import { toCsv } from "@/lib/admin/csv";
import { listAppointmentChanges } from "@/lib/appointments/admin-queries";
import { csvExport } from "../../export";
import { appointmentFields } from "../../list-fields";

// CSV of the filtered appointment changes, for admins only.
export const GET = csvExport("appointment-changes.csv", appointmentFields, async (db, params) => {
  const { rows } = await listAppointmentChanges(db, params);
  return toCsv(
    [
      "booked_utc",
      "patient",
      "clinician",
      "starts_utc",
      "status",
      "booked_by",
      "moves",
      "cancelled_utc",
      "cancelled_by",
      "cancellation_reason",
    ],
    rows.map((row) => [
      row.createdAt,
      `${row.patientFirstName} ${row.patientLastName}`,
      row.clinicianName,
      row.startsAt,
      row.status,
      row.bookedByName,
      row.moves
        .map(
          (move) =>
            `${move.at.toISOString()} ${move.previousStartsAt.toISOString()} -> ${move.newStartsAt.toISOString()}`,
        )
        .join("; "),
      row.cancelledAt,
      row.cancelledByName,
      row.cancellationReason,
    ]),
  );
});

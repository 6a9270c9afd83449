import { toCsv } from "@/lib/admin/csv";
import { listProgressSharing } from "@/lib/progress/queries";
import { csvExport } from "../../export";
import { sharingFields } from "../../list-fields";

// CSV of the filtered progress-sharing record (no note content), for admins only.
export const GET = csvExport("progress-sharing.csv", sharingFields, async (db, params) => {
  const { rows } = await listProgressSharing(db, params);
  return toCsv(
    ["saved_utc", "patient_name", "patient_email", "clinician", "sharing", "corrects_note", "deliveries"],
    rows.map((row) => [
      row.createdAt,
      `${row.patientFirstName} ${row.patientLastName}`,
      row.patientEmail,
      row.clinicianName,
      row.sharingStatus,
      row.correctsNoteId,
      row.deliveries.map((d) => `${d.kind}/${d.channel}: ${d.status}${d.reason ? ` (${d.reason})` : ""}`).join("; "),
    ]),
  );
});

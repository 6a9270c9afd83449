import { toCsv } from "@/lib/admin/csv";
import { listDeliveries } from "@/lib/notifications/queries";
import { csvExport } from "../../export";
import { deliveryFields } from "../../list-fields";

// CSV of the filtered deliveries, for admins only.
export const GET = csvExport("deliveries.csv", deliveryFields, async (db, params) => {
  const { rows } = await listDeliveries(db, params);
  return toCsv(
    ["when_utc", "patient_name", "patient_email", "kind", "channel", "status", "reason", "error_code"],
    rows.map((row) => [
      row.createdAt,
      `${row.firstName} ${row.lastName}`,
      row.patientEmail,
      row.kind,
      row.channel,
      row.status,
      row.reason,
      row.errorCode,
    ]),
  );
});

import { db } from "@/db/client";
import { csvResponse, toCsv } from "@/lib/admin/csv";
import { listAccessLog } from "@/lib/access/queries";
import { parseListParams } from "@/lib/admin/list";
import { authorize } from "@/lib/auth/session";
import { accessFields } from "../../list-fields";

// CSV of the filtered access log, for admins only; reading the log is not itself logged.
export async function GET(request: Request) {
  const auth = await authorize("admin");
  if (!auth.ok) return new Response(auth.message, { status: auth.status });
  const params = {
    ...parseListParams(Object.fromEntries(new URL(request.url).searchParams), accessFields),
    export: true,
  };
  const { rows } = await listAccessLog(db(), params);
  return csvResponse(
    "access-log.csv",
    toCsv(
      ["when_utc", "staff_name", "staff_email", "staff_role", "patient_name", "patient_email", "what", "request_hash"],
      rows.map((row) => [
        row.at,
        row.actorName,
        row.actorEmail,
        row.actorRole,
        row.patientName,
        row.patientEmail,
        row.what,
        row.requestHash,
      ]),
    ),
  );
}

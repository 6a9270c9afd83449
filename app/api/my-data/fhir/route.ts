import { headers } from "next/headers";
import { db } from "@/db/client";
import { requestHashOf } from "@/lib/auth/authed-action";
import { authorize } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { handleErrors } from "@/lib/http";
import { collectPatientRecord } from "@/lib/my-data/collect";
import { recordExport } from "@/lib/my-data/export-log";
import { toFhirBundle } from "@/lib/my-data/fhir";

// The signed-in patient's own record as a FHIR R4 Bundle; staff and signed-out callers get nothing.
export const GET = handleErrors(async () => {
  const auth = await authorize("patient");
  if (!auth.ok) return Response.json({ error: auth.message }, { status: auth.status });
  const record = await collectPatientRecord(db(), auth.user.id);
  if (!record) return Response.json({ error: "Not found." }, { status: 404 });
  await recordExport(db(), auth.user.id, "fhir", requestHashOf(await headers()));
  const now = new Date();
  const bundle = toFhirBundle(record, { baseUrl: `${env().appUrl}/fhir`, now });
  return new Response(JSON.stringify(bundle, null, 2), {
    headers: {
      "content-type": "application/fhir+json; charset=utf-8",
      "content-disposition": `attachment; filename="my-record-${now.toISOString().slice(0, 10)}.json"`,
      "cache-control": "private, no-store",
    },
  });
});

import "server-only";
import type { Db } from "@/db/client";
import { preferenceLedger } from "@/db/schema";

export type ExportFormat = "fhir" | "html";

/**
 * Each export is an audit row in the patient's ledger (field "recordExport"), with the request hash; the access-log
 * work can fold these rows into its own table by that field.
 */
export async function recordExport(
  db: Db,
  patientId: string,
  format: ExportFormat,
  requestHash: string | null,
): Promise<number> {
  const [row] = await db
    .insert(preferenceLedger)
    .values({
      patientId,
      actorId: patientId,
      actorKind: "patient",
      field: "recordExport",
      oldValue: null,
      newValue: format,
      requestHash,
    })
    .returning({ id: preferenceLedger.id });
  return row!.id;
}

import { z } from "zod";
import { fieldLabels } from "@/lib/patients/fields";
import { plainText } from "@/lib/validation";

// Unknown filter values are dropped rather than refused: these views are read-only.
export const ledgerFiltersSchema = z.object({
  patient: plainText({ max: 254 }).optional().catch(undefined),
  field: z
    .enum(Object.keys(fieldLabels) as [string, ...string[]])
    .optional()
    .catch(undefined),
});

export function toLedgerFilters(raw: unknown) {
  const parsed = ledgerFiltersSchema.parse(raw);
  return { patientEmail: parsed.patient || undefined, field: parsed.field };
}

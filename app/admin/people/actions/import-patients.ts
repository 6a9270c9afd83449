"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db/client";
import { authedAction } from "@/lib/auth/authed-action";
import type { FormState } from "@/lib/forms";
import { MAX_IMPORT_BYTES } from "@/lib/roster/csv";
import { checkImport, importPatients } from "@/lib/roster/import";
import { importSchema } from "@/lib/roster/schemas";

/** The rows a dry run lists on the page; the count is always complete. */
const LISTED = 100;

export type ImportState = FormState & {
  preview?: {
    fingerprint: string;
    count: number;
    rows: { line: number; name: string; email: string; timeZone: string; phone: string }[];
  };
  problems?: { line: number; reason: string }[];
};

export const importPatientsAction = authedAction(
  "admin",
  importSchema,
  async (input, { user, requestHash }): Promise<ImportState> => {
    if (input.file.size > MAX_IMPORT_BYTES) {
      return { ok: false, message: "Nothing was imported.", fieldErrors: { file: ["The file is larger than 1 MB."] } };
    }
    const bytes = new Uint8Array(await input.file.arrayBuffer());
    const outcome =
      input.intent === "check"
        ? await checkImport(db(), bytes)
        : await importPatients(db(), { userId: user.id, requestHash }, bytes, input.checked);
    switch (outcome.kind) {
      case "file_error":
        return { ok: false, message: "Nothing was imported.", fieldErrors: { file: [outcome.message] } };
      case "invalid":
        return {
          ok: false,
          message: `Nothing was imported: ${outcome.problems.length} row${outcome.problems.length === 1 ? " is" : "s are"} invalid. Correct the file and check it again.`,
          problems: outcome.problems,
        };
      case "changed":
        return { ok: false, message: "The file changed since it was checked: check it again before importing." };
      case "checked":
        return {
          ok: true,
          message: `All ${outcome.rows.length} rows are valid. Nothing has been written yet.`,
          preview: {
            fingerprint: outcome.fingerprint,
            count: outcome.rows.length,
            rows: outcome.rows.slice(0, LISTED).map((row) => ({
              line: row.line,
              name: `${row.firstName} ${row.lastName}`.trim(),
              email: row.email,
              timeZone: row.timeZone,
              phone: row.phoneE164 ?? "",
            })),
          },
        };
      case "imported":
        revalidatePath("/admin/people");
        return { ok: true, message: `Imported ${outcome.count} patients.` };
    }
  },
);

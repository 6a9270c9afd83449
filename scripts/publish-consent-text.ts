// npm run consent:publish -- --kind recordingConsent --version recording-2026-07 --title "…" --text-file new.txt
//   --effective 2026-07-01 [--lapse-prior 2026-08-01]
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { closeDb, db } from "@/db/client";
import { z } from "zod";
import { publishConsentText, type PublishConsentTextInput } from "@/lib/patients/consent-publish";

const { values } = parseArgs({
  options: {
    kind: { type: "string" },
    version: { type: "string" },
    title: { type: "string" },
    "text-file": { type: "string" },
    effective: { type: "string" },
    "lapse-prior": { type: "string" },
  },
});

try {
  if (!values["text-file"]) throw new Error("--text-file is required (the consent's wording, UTF-8).");
  const text = (await readFile(values["text-file"], "utf8")).trim();
  const row = await publishConsentText(db(), {
    kind: values.kind as PublishConsentTextInput["kind"],
    version: values.version ?? "",
    title: values.title ?? "",
    text,
    effectiveAt: values.effective ?? "",
    priorVersionsLapseAt: values["lapse-prior"],
  });
  console.log(
    `Published ${row.version} (${row.kind} #${row.sequence}), in effect from ${row.effectiveAt.toISOString()}` +
      (row.priorVersionsLapseAt
        ? `; consents to earlier versions lapse at ${row.priorVersionsLapseAt.toISOString()}.`
        : "; consents to earlier versions stay valid."),
  );
} catch (error) {
  console.error(error instanceof z.ZodError ? z.prettifyError(error) : error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeDb();
}

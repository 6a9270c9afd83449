"use client";

import { useActionState, useState } from "react";
import { importPatientsAction, type ImportState } from "@/app/admin/people/actions/import-patients";
import { describedBy, FieldError, FormStatus } from "@/components/ui/field-error";
import { cell, rowClass, Table } from "@/components/ui/table";
import { useKeepTyped } from "./keep-typed";

const MAX_BYTES = 1024 * 1024;
const button =
  "rounded px-4 py-2 font-medium focus:outline-2 focus:outline-offset-2 focus:outline-brand-600 disabled:opacity-60";

/** Upload → dry run (what would be created, or every invalid row) → "Import N patients", all or nothing. */
export function ImportForm() {
  const [state, submit, pending] = useActionState<ImportState, FormData>(importPatientsAction, {});
  const [tooLarge, setTooLarge] = useState(false);
  // A new file needs a new check: the import button only imports the file that was checked.
  const [checkedCurrent, setCheckedCurrent] = useState(false);
  const { formRef, onSubmit } = useKeepTyped(submit, state, false);
  const fileErrors = tooLarge ? ["The file is larger than 1 MB."] : state.fieldErrors?.file;
  const preview = checkedCurrent ? state.preview : undefined;
  return (
    <div className="space-y-6">
      <form ref={formRef} action={submit} onSubmit={onSubmit} className="space-y-3">
        <div>
          <label htmlFor="import-file" className="block font-medium">
            CSV file of patients
          </label>
          <p id="import-file-hint" className="text-sm text-slate-600">
            A header line <code>name,email,time_zone,phone,country</code> (country optional), then one patient a line;
            at most 5,000 rows and 1 MB.
          </p>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            required
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              setTooLarge(Boolean(file && file.size > MAX_BYTES));
              setCheckedCurrent(false);
            }}
            aria-invalid={fileErrors ? true : undefined}
            aria-describedby={describedBy("import-file-hint", fileErrors && "import-file-error")}
            className="mt-1 block text-sm"
          />
          <FieldError id="import-file-error" errors={fileErrors} />
        </div>
        {preview ? <input type="hidden" name="checked" value={preview.fingerprint} /> : null}
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="submit"
            name="intent"
            value="check"
            disabled={pending || tooLarge}
            onClick={() => setCheckedCurrent(true)}
            className={`${button} border border-slate-300 hover:bg-slate-100`}
          >
            Check file (dry run)
          </button>
          {preview ? (
            <button
              type="submit"
              name="intent"
              value="import"
              disabled={pending}
              className={`${button} bg-brand-600 text-white hover:bg-brand-700`}
            >
              Import {preview.count} patients
            </button>
          ) : null}
        </div>
        <FormStatus ok={state.ok} message={pending ? "Working…" : state.message} />
      </form>
      {state.problems?.length ? (
        <section aria-labelledby="problems-heading">
          <h2 id="problems-heading" className="text-lg font-semibold">
            Invalid rows
          </h2>
          <Table caption="Invalid rows" headers={["Line", "Reason"]} empty="" isEmpty={false}>
            {state.problems.map((problem) => (
              <tr key={problem.line} className={rowClass} data-testid="import-problem">
                <td className={cell}>{problem.line}</td>
                <td className={cell}>{problem.reason}</td>
              </tr>
            ))}
          </Table>
        </section>
      ) : null}
      {preview ? (
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading" className="text-lg font-semibold">
            Would be created ({preview.count}
            {preview.count > preview.rows.length ? `, the first ${preview.rows.length} listed` : ""})
          </h2>
          <Table
            caption="Patients the import would create"
            headers={["Line", "Name", "Email", "Time zone", "Mobile"]}
            empty=""
            isEmpty={false}
          >
            {preview.rows.map((row) => (
              <tr key={row.line} className={rowClass} data-testid="import-preview-row">
                <td className={cell}>{row.line}</td>
                <td className={cell}>{row.name}</td>
                <td className={cell}>{row.email}</td>
                <td className={cell}>{row.timeZone}</td>
                <td className={cell}>{row.phone || "—"}</td>
              </tr>
            ))}
          </Table>
        </section>
      ) : null}
    </div>
  );
}

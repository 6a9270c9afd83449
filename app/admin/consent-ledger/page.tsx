import type { Metadata } from "next";
import { db } from "@/db/client";
import { cell, rowClass, Table } from "@/components/ui/table";
import { requirePageRole } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { actorLabels, displayValue, fieldLabels, requestMeansLabels } from "@/lib/patients/fields";
import { listLedger } from "@/lib/patients/ledger-queries";
import { toLedgerFilters } from "../ledger-filters";

export const metadata: Metadata = { title: "Consent ledger" };

export default async function ConsentLedgerPage({ searchParams }: PageProps<"/admin/consent-ledger">) {
  await requirePageRole("admin");
  const filters = toLedgerFilters(await searchParams);
  const rows = await listLedger(db(), filters);
  const query = new URLSearchParams(
    Object.entries({ patient: filters.patientEmail ?? "", field: filters.field ?? "" }).filter(([, v]) => v),
  );
  const input = "rounded border border-slate-300 px-2 py-1";
  return (
    <section>
      <h1 className="text-2xl font-semibold">Consent ledger</h1>
      <p className="mt-1 text-slate-600">
        Every preference and consent change, append-only. Times in UTC. Admins can read it, not change it.
      </p>
      <form className="mt-4 flex flex-wrap items-end gap-3 text-sm" role="search" aria-label="Filter the ledger">
        <label className="flex flex-col">
          Patient email
          <input name="patient" defaultValue={filters.patientEmail} className={input} />
        </label>
        <label className="flex flex-col">
          Field
          <select name="field" defaultValue={filters.field ?? ""} className={input}>
            <option value="">Any</option>
            {Object.entries(fieldLabels).map(([field, label]) => (
              <option key={field} value={field}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <button className="rounded bg-brand-600 px-3 py-1.5 font-medium text-white">Filter</button>
        <a href={`/admin/consent-ledger/export?${query}`} className="rounded border border-slate-300 px-3 py-1.5">
          Download CSV
        </a>
      </form>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <Table
          caption="Ledger entries, newest first"
          headers={["When", "Patient", "What", "Change", "By"]}
          empty="No changes match."
          isEmpty={rows.length === 0}
        >
          {rows.map((row) => (
            <tr key={row.id} className={rowClass} data-testid="ledger-row">
              <td className={cell}>{formatDateTime(row.createdAt, "UTC")}</td>
              <td className={cell}>{row.patientName ?? row.patientEmail}</td>
              <td className={cell}>
                {fieldLabels[row.field] ?? row.field}
                {row.consentVersion ? (
                  <span className="block text-xs text-slate-500">text version {row.consentVersion}</span>
                ) : null}
              </td>
              <td className={cell}>
                {displayValue(row.field, row.oldValue)} → {displayValue(row.field, row.newValue)}
              </td>
              <td className={cell}>
                {row.actorKind === "patient" ? "Patient" : actorLabels[row.actorKind]}
                {row.actorEmail && row.actorKind === "staff" ? ` (${row.actorEmail})` : ""}
                {row.requestMeans ? `, patient asked ${requestMeansLabels[row.requestMeans]}` : ""}
              </td>
            </tr>
          ))}
        </Table>
      </div>
    </section>
  );
}

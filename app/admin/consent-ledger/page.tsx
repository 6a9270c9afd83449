import type { Metadata } from "next";
import { filterInput, ListFilters, ListPager, zoneNote } from "@/components/admin/admin-list";
import { cell, rowClass, Table } from "@/components/ui/table";
import { db } from "@/db/client";
import { withStaffAccess } from "@/lib/access/record";
import { parseListParams } from "@/lib/admin/list";
import { formatAdminTime } from "@/lib/admin/time";
import { requirePageRole } from "@/lib/auth/session";
import { actorLabels, displayValue, fieldLabels, requestMeansLabels } from "@/lib/patients/fields";
import { listLedger } from "@/lib/patients/ledger-queries";
import { ledgerFields } from "../list-fields";

export const metadata: Metadata = { title: "Consent ledger" };

export default async function ConsentLedgerPage({ searchParams }: PageProps<"/admin/consent-ledger">) {
  const user = await requirePageRole("admin");
  const params = parseListParams(await searchParams, ledgerFields);
  const page = await withStaffAccess(user, () => listLedger(db(), params));
  return (
    <section>
      <h1 className="text-2xl font-semibold">Consent ledger</h1>
      <p className="mt-1 text-slate-600">
        Every preference and consent change, append-only. Admins can read it, not change it. {zoneNote(params.zone)}
      </p>
      <ListFilters label="Filter the ledger" params={params} exportPath="/admin/consent-ledger/export">
        <label className="flex flex-col">
          Field
          <select name="field" defaultValue={params.field ?? ""} className={filterInput}>
            <option value="">Any</option>
            {Object.entries(fieldLabels).map(([field, label]) => (
              <option key={field} value={field}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </ListFilters>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <Table
          caption="Ledger entries, newest first"
          headers={["When", "Patient", "What", "Change", "By"]}
          empty="No changes match."
          isEmpty={page.rows.length === 0}
        >
          {page.rows.map((row) => (
            <tr key={row.id} className={rowClass} data-testid="ledger-row">
              <td className={cell}>{formatAdminTime(row.createdAt, params.zone)}</td>
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
        <ListPager page={page} params={params} path="/admin/consent-ledger" />
      </div>
    </section>
  );
}

import type { Metadata } from "next";
import { filterInput, ListFilters, ListPager, zoneNote } from "@/components/admin/admin-list";
import { cell, rowClass, Table } from "@/components/ui/table";
import { db } from "@/db/client";
import { accessKindLabel, accessKinds } from "@/lib/access/kinds";
import { listAccessLog } from "@/lib/access/queries";
import { parseListParams } from "@/lib/admin/list";
import { formatAdminTime } from "@/lib/admin/time";
import { requirePageRole } from "@/lib/auth/session";
import { accessFields } from "../list-fields";

export const metadata: Metadata = { title: "Access log" };

// Reading the log is not itself logged: it holds no clinical content, and logging it would never end.
export default async function AccessLogPage({ searchParams }: PageProps<"/admin/access-log">) {
  await requirePageRole("admin");
  const params = parseListParams(await searchParams, accessFields);
  const page = await listAccessLog(db(), params);
  return (
    <section>
      <h1 className="text-2xl font-semibold">Access log</h1>
      <p className="mt-1 text-slate-600">
        Every time a clinician or admin read a patient&apos;s information, append-only. Patients see their own rows
        under &ldquo;Who has seen my record&rdquo;. {zoneNote(params.zone)}
      </p>
      <ListFilters label="Filter the access log" params={params} exportPath="/admin/access-log/export">
        <label className="flex flex-col">
          Staff email or name
          <input name="staff" defaultValue={params.staff} className={filterInput} />
        </label>
        <label className="flex flex-col">
          What
          <select name="what" defaultValue={params.what ?? ""} className={filterInput}>
            <option value="">Any</option>
            {Object.entries(accessKinds).map(([kind, label]) => (
              <option key={kind} value={kind}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          Role
          <select name="role" defaultValue={params.role ?? ""} className={filterInput}>
            <option value="">Any</option>
            <option value="clinician">Clinician</option>
            <option value="admin">Admin</option>
          </select>
        </label>
        <label className="flex items-center gap-2 self-center">
          <input type="checkbox" name="csv" value="yes" defaultChecked={params.csv === "yes"} />
          CSV exports only
        </label>
      </ListFilters>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <Table
          caption="Access log, newest first"
          headers={["When", "Staff", "Patient", "What", "Request"]}
          empty="No reads match."
          isEmpty={page.rows.length === 0}
        >
          {page.rows.map((row) => (
            <tr key={row.id} className={rowClass} data-testid="access-row">
              <td className={cell}>{formatAdminTime(row.at, params.zone)}</td>
              <td className={cell}>
                {row.actorName} ({row.actorRole})<span className="block text-xs text-slate-500">{row.actorEmail}</span>
              </td>
              <td className={cell}>
                {row.patientName}
                <span className="block text-xs text-slate-500">{row.patientEmail}</span>
              </td>
              <td className={cell}>{accessKindLabel(row.what)}</td>
              <td className={`${cell} font-mono text-xs`}>{row.requestHash?.slice(0, 12) ?? "—"}</td>
            </tr>
          ))}
        </Table>
        <ListPager page={page} params={params} path="/admin/access-log" />
      </div>
    </section>
  );
}

import type { Metadata } from "next";
import { filterInput, ListFilters, ListPager, zoneNote } from "@/components/admin/admin-list";
import { db } from "@/db/client";
import { withStaffAccess } from "@/lib/access/record";
import { parseListParams } from "@/lib/admin/list";
import { formatAdminTime } from "@/lib/admin/time";
import { OutcomeCell } from "@/components/notifications/message-table";
import { cell, rowClass, Table } from "@/components/ui/table";
import { requirePageRole } from "@/lib/auth/session";
import type { DeliveryKind } from "@/lib/notifications/kinds";
import { channelLabels, kindLabels } from "@/lib/notifications/labels";
import { listProgressSharing } from "@/lib/progress/queries";
import { sharingFields } from "../list-fields";

export const metadata: Metadata = { title: "Progress sharing" };

const statusLabels = { pending: "Pending: not yet shared", shared: "Shared", skipped: "Nothing sent" } as const;

export default async function ProgressSharingPage({ searchParams }: PageProps<"/admin/progress-sharing">) {
  const user = await requirePageRole("admin");
  const params = parseListParams(await searchParams, sharingFields);
  const page = await withStaffAccess(user, () => listProgressSharing(db(), params));
  return (
    <section>
      <h1 className="text-2xl font-semibold">Progress sharing</h1>
      <p className="mt-1 text-slate-600">
        Each progress note and where it went: the notice to the patient and the summary to their care contact, or why
        not. Note content is not shown here. {zoneNote(params.zone)}
      </p>
      <ListFilters label="Filter progress sharing" params={params} exportPath="/admin/progress-sharing/export">
        <label className="flex flex-col">
          Sharing
          <select name="sharing" defaultValue={params.sharing ?? ""} className={filterInput}>
            <option value="">Any</option>
            {Object.entries(statusLabels).map(([status, label]) => (
              <option key={status} value={status}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </ListFilters>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <Table
          caption="Progress notes, newest first"
          headers={["Saved", "Patient", "Clinician", "Sharing", "Shares and skips"]}
          empty="No progress notes match."
          isEmpty={page.rows.length === 0}
        >
          {page.rows.map((note) => (
            <tr key={note.id} className={rowClass} data-testid="progress-sharing-row">
              <td className={cell}>
                {formatAdminTime(note.createdAt, params.zone)}
                {note.correctsNoteId ? <span className="block text-xs text-slate-500">a correction</span> : null}
              </td>
              <td className={cell}>
                {note.patientFirstName} {note.patientLastName}
                <span className="block text-xs text-slate-500">{note.patientEmail}</span>
              </td>
              <td className={cell}>{note.clinicianName}</td>
              <td className={cell}>{statusLabels[note.sharingStatus]}</td>
              <td className={cell}>
                {note.deliveries.length === 0 ? (
                  "None recorded yet"
                ) : (
                  <ul>
                    {note.deliveries.map((d) => (
                      <li key={d.id}>
                        {kindLabels[d.kind as DeliveryKind] ?? d.kind}, {channelLabels[d.channel]}:{" "}
                        <OutcomeCell status={d.status} reason={d.reason} errorCode={d.errorCode} />
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </Table>
        <ListPager page={page} params={params} path="/admin/progress-sharing" />
      </div>
    </section>
  );
}

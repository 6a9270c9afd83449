import type { Metadata } from "next";
import Link from "next/link";
import { filterInput, ListFilters, ListPager, zoneNote } from "@/components/admin/admin-list";
import { db } from "@/db/client";
import { withStaffAccess } from "@/lib/access/record";
import { parseListParams } from "@/lib/admin/list";
import { formatAdminTime } from "@/lib/admin/time";
import { cell, rowClass, Table } from "@/components/ui/table";
import { requirePageRole } from "@/lib/auth/session";
import { listVideoSessions, type VideoSessionRow } from "@/lib/video/admin-queries";
import { videoFields } from "../list-fields";
import { guardLabels, reasonLabels } from "./labels";

export const metadata: Metadata = { title: "Video sessions" };

function consentCell(row: VideoSessionRow, zone: string) {
  if (!row.consentLedgerId) return "No consent entry in the ledger";
  const state = row.consentValue === "true" ? "Given" : "Withdrawn";
  return `${state} ${formatAdminTime(row.consentChangedAt!, zone)} (ledger #${row.consentLedgerId}${row.consentVersion ? `, text ${row.consentVersion}` : ""})`;
}

export default async function VideoSessionsPage({ searchParams }: PageProps<"/admin/video-sessions">) {
  const user = await requirePageRole("admin");
  const params = parseListParams(await searchParams, videoFields);
  const page = await withStaffAccess(user, () => listVideoSessions(db(), params));
  return (
    <section>
      <h1 className="text-2xl font-semibold">Video sessions</h1>
      <p className="mt-1 text-slate-600">
        Each room, whether it recorded, the consent that decision rested on, and any action the server took.{" "}
        {zoneNote(params.zone)}
      </p>
      <ListFilters label="Filter video sessions" params={params} exportPath="/admin/video-sessions/export">
        <label className="flex flex-col">
          Recording
          <select name="recording" defaultValue={params.recording ?? ""} className={filterInput}>
            <option value="">Any</option>
            <option value="on">On</option>
            <option value="off">Off</option>
          </select>
        </label>
      </ListFilters>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <Table
          caption="Video sessions, newest first"
          headers={["Created", "Visit", "Recording", "Consent it rested on", "Guard action", "Room"]}
          empty="No video sessions match."
          isEmpty={page.rows.length === 0}
        >
          {page.rows.map((row) => (
            <tr key={row.id} className={rowClass} data-testid="video-session-row">
              <td className={cell}>
                <Link
                  href={`/admin/video-sessions/${row.id}${params.zone === "UTC" ? "" : `?zone=${encodeURIComponent(params.zone)}`}`}
                  className="text-brand-700 underline"
                >
                  {formatAdminTime(row.createdAt, params.zone)}
                  <span className="sr-only">: participants and rule changes</span>
                </Link>
              </td>
              <td className={cell}>
                {row.patientFirstName} {row.patientLastName} with {row.clinicianName}
                <span className="block text-xs text-slate-500">
                  starts {formatAdminTime(row.appointmentStartsAt, params.zone)}
                </span>
              </td>
              <td className={cell}>
                {row.recording ? "On" : "Off"}: {reasonLabels[row.recordingReason]}
              </td>
              <td className={cell}>{consentCell(row, params.zone)}</td>
              <td className={cell}>
                {row.guardAction ? (guardLabels[row.guardAction] ?? row.guardAction) : "None needed"}
              </td>
              <td className={cell}>
                {row.roomSid ?? "local preview"}
                <span className="block text-xs text-slate-500">
                  {row.status}, {row.roomEvents ?? 0} status callbacks
                </span>
              </td>
            </tr>
          ))}
        </Table>
        <ListPager page={page} params={params} path="/admin/video-sessions" />
      </div>
    </section>
  );
}

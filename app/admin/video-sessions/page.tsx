import type { Metadata } from "next";
import { db } from "@/db/client";
import { cell, rowClass, Table } from "@/components/ui/table";
import { requirePageRole } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { listVideoSessions, type VideoSessionRow } from "@/lib/video/admin-queries";
import { PatientFilter, patientFilterOf } from "../patient-filter";

export const metadata: Metadata = { title: "Video sessions" };

const reasonLabels: Record<string, string> = {
  consent_given: "consent stored",
  no_consent: "no consent stored",
  consent_withdrawn: "consent withdrawn during the session",
  consent_version_lapsed: "consent given to a text version that has lapsed",
};
const guardLabels: Record<string, string> = {
  recording_stopped: "Recording stopped",
  recording_deleted: "Recording stopped and deleted",
};

function consentCell(row: VideoSessionRow) {
  if (!row.consentLedgerId) return "No consent entry in the ledger";
  const state = row.consentValue === "true" ? "Given" : "Withdrawn";
  return `${state} ${formatDateTime(row.consentChangedAt!, "UTC")} (ledger #${row.consentLedgerId}${row.consentVersion ? `, text ${row.consentVersion}` : ""})`;
}

export default async function VideoSessionsPage({ searchParams }: PageProps<"/admin/video-sessions">) {
  await requirePageRole("admin");
  const patient = patientFilterOf(await searchParams);
  const rows = await listVideoSessions(db(), { patientEmail: patient });
  return (
    <section>
      <h1 className="text-2xl font-semibold">Video sessions</h1>
      <p className="mt-1 text-slate-600">
        Each room, whether it recorded, the consent that decision rested on, and any action the server took. Times in
        UTC.
      </p>
      <PatientFilter label="Filter video sessions" value={patient} />
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <Table
          caption="Video sessions, newest first"
          headers={["Created", "Visit", "Recording", "Consent it rested on", "Guard action", "Room"]}
          empty="No video sessions match."
          isEmpty={rows.length === 0}
        >
          {rows.map((row) => (
            <tr key={row.id} className={rowClass} data-testid="video-session-row">
              <td className={cell}>{formatDateTime(row.createdAt, "UTC")}</td>
              <td className={cell}>
                {row.patientFirstName} {row.patientLastName} with {row.clinicianName}
                <span className="block text-xs text-slate-500">
                  starts {formatDateTime(row.appointmentStartsAt, "UTC")}
                </span>
              </td>
              <td className={cell}>
                {row.recording ? "On" : "Off"}: {reasonLabels[row.recordingReason] ?? row.recordingReason}
              </td>
              <td className={cell}>{consentCell(row)}</td>
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
      </div>
    </section>
  );
}

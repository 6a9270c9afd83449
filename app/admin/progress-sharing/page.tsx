import type { Metadata } from "next";
import { db } from "@/db/client";
import { OutcomeCell } from "@/components/notifications/message-table";
import { cell, rowClass, Table } from "@/components/ui/table";
import { requirePageRole } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import type { DeliveryKind } from "@/lib/notifications/kinds";
import { channelLabels, kindLabels } from "@/lib/notifications/labels";
import { listProgressSharing } from "@/lib/progress/queries";
import { PatientFilter, patientFilterOf } from "../patient-filter";

export const metadata: Metadata = { title: "Progress sharing" };

const statusLabels = { pending: "Pending: not yet shared", shared: "Shared", skipped: "Nothing sent" } as const;

export default async function ProgressSharingPage({ searchParams }: PageProps<"/admin/progress-sharing">) {
  await requirePageRole("admin");
  const patient = patientFilterOf(await searchParams);
  const notes = await listProgressSharing(db(), { patientEmail: patient });
  return (
    <section>
      <h1 className="text-2xl font-semibold">Progress sharing</h1>
      <p className="mt-1 text-slate-600">
        Each progress note and where it went: the notice to the patient and the summary to their care contact, or why
        not. Note content is not shown here. Times in UTC.
      </p>
      <PatientFilter label="Filter progress sharing" value={patient} />
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <Table
          caption="Progress notes, newest first"
          headers={["Saved", "Patient", "Clinician", "Sharing", "Shares and skips"]}
          empty="No progress notes match."
          isEmpty={notes.length === 0}
        >
          {notes.map((note) => (
            <tr key={note.id} className={rowClass} data-testid="progress-sharing-row">
              <td className={cell}>
                {formatDateTime(note.createdAt, "UTC")}
                {note.correctsNoteId ? <span className="block text-xs text-slate-500">a correction</span> : null}
              </td>
              <td className={cell}>
                {note.patientFirstName} {note.patientLastName}
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
      </div>
    </section>
  );
}

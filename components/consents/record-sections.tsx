import { cell, rowClass, Table } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { channelLabels, kindLabels, outcomeLabel } from "@/lib/notifications/labels";
import { describeConsentText, type ConsentField } from "@/lib/patients/consent-kinds";
import { actorLabels, displayValue, fieldLabels } from "@/lib/patients/fields";
import type { PatientRecord } from "@/lib/my-data/collect";

export function RecordSection({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="break-inside-avoid-page space-y-2">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export function ConsentDecisions({ record }: { record: PatientRecord }) {
  const zone = record.profile.timeZone;
  if (record.consentRows.length === 0)
    return <p className="text-slate-600">You have not given or withdrawn any consent.</p>;
  return (
    <ol className="space-y-4">
      {record.consentRows.map((row) => {
        const text = row.consentVersion ? record.texts.get(row.consentVersion) : undefined;
        const given = row.newValue === "true";
        return (
          <li key={row.id} className="rounded border border-slate-200 p-3">
            <p className="font-medium">
              {fieldLabels[row.field]}: {given ? "given" : "withdrawn"} on {formatDateTime(row.createdAt, zone)}
              {text ? `, ${describeConsentText(row.field as ConsentField, text.effectiveAt)}` : ""}
            </p>
            {row.signedName ? (
              <p className="text-sm text-slate-700">
                Signed “{row.signedName}” (text fingerprint {row.consentTextHash?.slice(0, 12)}…)
              </p>
            ) : null}
            {text && given ? <p className="mt-2 bg-slate-50 p-2 text-sm whitespace-pre-line">{text.text}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}

export function VisitTable({ record }: { record: PatientRecord }) {
  const zone = record.profile.timeZone;
  return (
    <Table
      caption="Your visits"
      headers={["When", "Clinician", "Type", "Status", "Recording"]}
      empty="No visits."
      isEmpty={record.visits.length === 0}
    >
      {record.visits.map((visit) => {
        const sessions = record.recordings.filter((session) => session.appointmentId === visit.id);
        return (
          <tr key={visit.id} className={rowClass}>
            <td className={cell}>{formatDateTime(visit.startsAt, zone)}</td>
            <td className={cell}>{visit.clinicianName}</td>
            <td className={cell}>{visit.modality === "telehealth" ? "Video" : "In person"}</td>
            <td className={cell}>{visit.status}</td>
            <td className={cell}>
              {sessions.length === 0
                ? "—"
                : sessions
                    .map(
                      (s) => `${s.recording ? "Recorded" : "Not recorded"} (${s.recordingReason.replaceAll("_", " ")})`,
                    )
                    .join("; ")}
            </td>
          </tr>
        );
      })}
    </Table>
  );
}

export function MessageList({ record }: { record: PatientRecord }) {
  const zone = record.profile.timeZone;
  return (
    <Table
      caption="Your messages"
      headers={["When", "Message", "Channel", "Outcome"]}
      empty="No messages."
      isEmpty={record.messages.length === 0}
    >
      {record.messages.map((message) => (
        <tr key={message.id} className={rowClass}>
          <td className={cell}>{formatDateTime(message.createdAt, zone)}</td>
          <td className={cell}>{kindLabels[message.kind]}</td>
          <td className={cell}>{channelLabels[message.channel]}</td>
          <td className={cell}>{outcomeLabel(message.status, message.reason)}</td>
        </tr>
      ))}
    </Table>
  );
}

export function HistoryTable({ record }: { record: PatientRecord }) {
  const zone = record.profile.timeZone;
  return (
    <Table
      caption="Your history"
      headers={["When", "What", "Change", "By"]}
      empty="No changes."
      isEmpty={record.history.length === 0}
    >
      {record.history.map((row) => (
        <tr key={row.id} className={rowClass}>
          <td className={cell}>{formatDateTime(row.createdAt, zone)}</td>
          <td className={cell}>{fieldLabels[row.field] ?? row.field}</td>
          <td className={cell}>
            {row.field === "recordExport"
              ? displayValue(row.field, row.newValue)
              : `${displayValue(row.field, row.oldValue)} → ${displayValue(row.field, row.newValue)}`}
          </td>
          <td className={cell}>
            {row.actorKind === "staff" ? (row.actorName ?? actorLabels.staff) : actorLabels[row.actorKind]}
          </td>
        </tr>
      ))}
    </Table>
  );
}

export function StaffAccessTable({ record }: { record: PatientRecord }) {
  const zone = record.profile.timeZone;
  return (
    <Table
      caption="Clinic staff and your record"
      headers={["When", "Who", "What"]}
      empty="No staff access on record."
      isEmpty={record.staffAccess.length === 0}
    >
      {record.staffAccess.map((entry, index) => (
        <tr key={index} className={rowClass}>
          <td className={cell}>{formatDateTime(entry.at, zone)}</td>
          <td className={cell}>
            {entry.staffName} ({entry.staffRole})
          </td>
          <td className={cell}>{entry.what}</td>
        </tr>
      ))}
    </Table>
  );
}

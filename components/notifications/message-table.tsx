import { formatDateTime } from "@/lib/format";
import { channelLabels, kindLabels, outcomeLabel } from "@/lib/notifications/labels";
import type { MessageKind } from "@/lib/notifications/kinds";
import type { MessageRow } from "@/lib/notifications/queries";

type Row = MessageRow & { patient?: string };

/** Messages with their outcome and reason: the answer to "why didn't I get a reminder?". */
export function MessageTable({ rows, timeZone, caption, showPatient = false }: { rows: Row[]; timeZone: string; caption: string; showPatient?: boolean }) {
  if (rows.length === 0) return <p className="text-slate-600">No messages.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">When</th>
            {showPatient ? <th scope="col" className="py-2 pr-4 font-medium">Patient</th> : null}
            <th scope="col" className="py-2 pr-4 font-medium">Message</th>
            <th scope="col" className="py-2 pr-4 font-medium">Channel</th>
            <th scope="col" className="py-2 font-medium">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-slate-100" data-testid="message-row">
              <td className="py-2 pr-4">{formatDateTime(row.createdAt, timeZone)}</td>
              {showPatient ? <td className="py-2 pr-4">{row.patient}</td> : null}
              <td className="py-2 pr-4">{kindLabels[row.kind as MessageKind] ?? row.kind}</td>
              <td className="py-2 pr-4">{channelLabels[row.channel]}</td>
              <td className="py-2">
                {outcomeLabel(row.status, row.reason)}
                {row.errorCode ? <span className="ml-1 text-xs text-slate-500">(code {row.errorCode})</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

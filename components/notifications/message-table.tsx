import { cell, rowClass, Table } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { channelLabels, kindLabels, outcomeLabel } from "@/lib/notifications/labels";
import type { DeliveryReason } from "@/lib/notifications/decide";
import { providerStatusLabels, type ProviderStatus } from "@/lib/notifications/provider-status";
import type { MessageRow } from "@/lib/notifications/queries";

type Row = MessageRow & { patient?: string };

/** Messages with their outcome and reason: the answer to "why didn't I get a reminder?". */
export function MessageTable({
  rows,
  timeZone,
  caption,
  showPatient = false,
}: {
  rows: Row[];
  timeZone: string;
  caption: string;
  showPatient?: boolean;
}) {
  const headers = ["When", ...(showPatient ? ["Patient"] : []), "Message", "Channel", "Outcome"];
  return (
    <Table caption={caption} headers={headers} empty="No messages." isEmpty={rows.length === 0}>
      {rows.map((row) => (
        <tr key={row.id} className={rowClass} data-testid="message-row">
          <td className={cell}>{formatDateTime(row.createdAt, timeZone)}</td>
          {showPatient ? <td className={cell}>{row.patient}</td> : null}
          <td className={cell}>{kindLabels[row.kind]}</td>
          <td className={cell}>{channelLabels[row.channel]}</td>
          <td className={cell}>
            <OutcomeCell status={row.status} reason={row.reason} errorCode={row.errorCode} />
            <ProviderReport status={row.providerStatus} />
          </td>
        </tr>
      ))}
    </Table>
  );
}

/** What the provider reported after sending (delivered, bounced, …), under the outcome; nothing before a report. */
export function ProviderReport({ status }: { status: ProviderStatus | null }) {
  if (!status) return null;
  return (
    <span className="block text-xs font-medium text-slate-700" data-testid="provider-status">
      {providerStatusLabels[status]}
    </span>
  );
}

export function OutcomeCell({
  status,
  reason,
  errorCode,
}: {
  status: string;
  reason: DeliveryReason | null;
  errorCode: string | null;
}) {
  return (
    <>
      {outcomeLabel(status, reason)}
      {errorCode ? <span className="ml-1 text-xs text-slate-500">(code {errorCode})</span> : null}
    </>
  );
}

import { cell, rowClass, Table } from "@/components/ui/table";
import { formatDateTime, formatTime } from "@/lib/format";
import { channelLabels, kindLabels, reasonLabels } from "@/lib/notifications/labels";
import { PREVIEW_DAYS, type PreviewItem } from "@/lib/notifications/preview";

function outcome(item: PreviewItem, timeZone: string): string {
  if (item.outcome === "skip") return `Will not be sent: ${reasonLabels[item.reason!]}`;
  return item.movedFrom
    ? `Will be sent, moved from ${formatTime(item.movedFrom, timeZone)} by quiet hours`
    : "Will be sent";
}

/** What the next two weeks will bring, decided by the gate's own rules (lib/notifications/preview.ts). */
export function ComingUp({ items, timeZone, who = "you" }: { items: PreviewItem[]; timeZone: string; who?: string }) {
  return (
    <div className="space-y-2">
      <h3 id="coming-up-heading" className="font-medium">
        Coming up
      </h3>
      <p className="text-sm text-slate-600">
        The reminders the next {PREVIEW_DAYS} days will bring {who}, and what will not be sent and why, as{" "}
        {who === "you" ? "your" : "their"} choices and the clinic&apos;s rules stand now. Times are in {timeZone}.
      </p>
      <Table
        caption={`Messages coming up in the next ${PREVIEW_DAYS} days, soonest first`}
        headers={["When", "Message", "Channel", "What happens"]}
        empty={`No reminders are due in the next ${PREVIEW_DAYS} days.`}
        isEmpty={items.length === 0}
      >
        {items.map((item) => (
          <tr
            key={`${item.appointmentId}:${item.kind}:${item.channel}`}
            className={rowClass}
            data-testid="coming-up-row"
          >
            <td className={cell}>{formatDateTime(item.at, timeZone)}</td>
            <td className={cell}>{kindLabels[item.kind]}</td>
            <td className={cell}>{channelLabels[item.channel]}</td>
            <td className={cell}>{outcome(item, timeZone)}</td>
          </tr>
        ))}
      </Table>
    </div>
  );
}

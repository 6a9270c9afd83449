import { accessKindLabel } from "@/lib/access/kinds";
import type { TimelineItem } from "@/lib/access/queries";
import { formatDateTime } from "@/lib/format";
import type { DeliveryKind } from "@/lib/notifications/kinds";
import { channelLabels, kindLabels } from "@/lib/notifications/labels";

const roleNames: Record<string, string> = { clinician: "clinician", admin: "clinic administrator" };
const recordingReasons: Record<string, string> = {
  consent_given: "you had consented",
  no_consent: "no consent was stored",
  consent_withdrawn: "you withdrew consent during the visit",
};

function describe(item: TimelineItem): { title: string; detail: string } {
  const channel = channelLabels[item.detail as keyof typeof channelLabels] ?? item.detail ?? "";
  switch (item.type) {
    case "access":
      return {
        title: `${item.who} (${roleNames[item.role ?? ""] ?? item.role}) viewed`,
        detail: accessKindLabel(item.what),
      };
    case "disclosure":
      return { title: "A progress summary was shared with your care contact", detail: `By ${channel.toLowerCase()}` };
    case "recording":
      return {
        title: `Video visit ${item.what === "on" ? "recorded" : "not recorded"}`,
        detail: `Started by ${item.who}; ${recordingReasons[item.detail ?? ""] ?? item.detail}`,
      };
    case "message":
      return { title: `Message sent to you: ${kindLabels[item.what as DeliveryKind] ?? item.what}`, detail: channel };
  }
}

/** One line of "who has seen my record": who, what, and when in the patient's own zone. */
export function TimelineEntry({ item, timeZone }: { item: TimelineItem; timeZone: string }) {
  const { title, detail } = describe(item);
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4" data-testid="timeline-entry">
      <p className="font-medium">{title}</p>
      <p className="text-slate-700">{detail}</p>
      <p className="text-sm text-slate-600">
        <time dateTime={item.at.toISOString()}>{formatDateTime(item.at, timeZone)}</time>
      </p>
    </li>
  );
}

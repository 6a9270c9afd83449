import type { Metadata } from "next";
import { ResolveInboxForm } from "@/components/admin/resolve-inbox-form";
import { StaffRequestForm } from "@/components/admin/staff-request-form";
import { cell, rowClass, Table } from "@/components/ui/table";
import { db } from "@/db/client";
import { requirePageRole } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { channelLabels } from "@/lib/notifications/labels";
import { displayValue } from "@/lib/patients/fields";
import { listInbox, type InboxRow } from "@/lib/patients/inbox-queries";

export const metadata: Metadata = { title: "Patient requests" };

const sender = (row: InboxRow) =>
  row.patientFirstName ? `${row.patientFirstName} ${row.patientLastName}` : "Unknown number";

/** Days left to the deadline, or how late it is: what staff must act on first. */
function deadline(row: InboxRow, now: Date): string {
  const days = Math.ceil((row.respondBy.getTime() - now.getTime()) / 86_400_000);
  if (days < 0) return `overdue by ${-days} day${days === -1 ? "" : "s"}`;
  return `${days} day${days === 1 ? "" : "s"} left`;
}

export default async function InboxPage() {
  await requirePageRole("admin");
  const { open, resolved } = await listInbox(db());
  const now = new Date();
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Patient requests</h1>
        <p className="mt-1 text-slate-600">
          Text replies that did not plainly ask to stop (those turn texts off at once), and requests patients make by
          phone, in person or by letter. The law allows at most 10 business days to honour a request to stop. Times in
          UTC.
        </p>
      </div>
      <section aria-labelledby="open-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="open-heading" className="mb-2 text-lg font-semibold">
          Replies to read ({open.length})
        </h2>
        <Table
          caption="Replies to read, soonest deadline first"
          headers={["Received", "From", "Message", "Answer by", "What did the patient want?"]}
          empty="No replies to read."
          isEmpty={open.length === 0}
        >
          {open.map((row) => (
            <tr key={row.id} className={rowClass} data-testid="inbox-row">
              <td className={cell}>{formatDateTime(row.receivedAt, "UTC")}</td>
              <td className={cell}>
                {sender(row)}
                <span className="block text-xs text-slate-500">
                  {channelLabels[row.channel]} · {displayValue("phoneE164", row.fromNumber)}
                </span>
              </td>
              <td className={`${cell} max-w-xs break-words`}>{row.body}</td>
              <td className={cell}>
                {formatDateTime(row.respondBy, "UTC")}
                <span className="block text-xs font-medium text-slate-700">{deadline(row, now)}</span>
              </td>
              <td className={cell}>
                <ResolveInboxForm messageId={row.id} label={`the message from ${sender(row)}`} />
              </td>
            </tr>
          ))}
        </Table>
      </section>
      <section aria-labelledby="record-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="record-heading" className="mb-2 text-lg font-semibold">
          Record a request made by phone, in person or by letter
        </h2>
        <p className="mb-3 text-sm text-slate-600">
          The change applies at once. The patient&apos;s history says it was changed by the clinic at their request, and
          how they asked.
        </p>
        <StaffRequestForm />
      </section>
      <section aria-labelledby="resolved-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="resolved-heading" className="mb-2 text-lg font-semibold">
          Recently resolved
        </h2>
        <Table
          caption="Recently resolved replies, newest first"
          headers={["Received", "From", "Resolved", "Outcome"]}
          empty="Nothing resolved yet."
          isEmpty={resolved.length === 0}
        >
          {resolved.map((row) => (
            <tr key={row.id} className={rowClass} data-testid="resolved-row">
              <td className={cell}>{formatDateTime(row.receivedAt, "UTC")}</td>
              <td className={cell}>{sender(row)}</td>
              <td className={cell}>{row.resolvedAt ? formatDateTime(row.resolvedAt, "UTC") : ""}</td>
              <td className={cell}>{row.outcome === "texts_off" ? "Texts turned off" : "No change"}</td>
            </tr>
          ))}
        </Table>
      </section>
    </section>
  );
}

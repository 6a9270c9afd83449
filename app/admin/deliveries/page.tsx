import type { Metadata } from "next";
import { filterInput, ListFilters, ListPager, zoneNote } from "@/components/admin/admin-list";
import { OutcomeCell, ProviderReport } from "@/components/notifications/message-table";
import { cell, rowClass, Table } from "@/components/ui/table";
import { db } from "@/db/client";
import { withStaffAccess } from "@/lib/access/record";
import { parseListParams } from "@/lib/admin/list";
import { formatAdminTime } from "@/lib/admin/time";
import { requirePageRole } from "@/lib/auth/session";
import { deliveryKinds } from "@/lib/notifications/kinds";
import { channelLabels, kindLabels } from "@/lib/notifications/labels";
import { providerStatuses, providerStatusLabels } from "@/lib/notifications/provider-status";
import { comingUpForPatient, listDeliveries } from "@/lib/notifications/queries";
import { ComingUp } from "@/components/notifications/coming-up";
import { deliveryFields } from "../list-fields";

export const metadata: Metadata = { title: "Deliveries" };

export default async function DeliveriesPage({ searchParams }: PageProps<"/admin/deliveries">) {
  const user = await requirePageRole("admin");
  const params = parseListParams(await searchParams, deliveryFields);
  // Filtered to one patient's exact email: also what the next two weeks will bring them, as they see it in Messages.
  const [page, upcoming] = await withStaffAccess(user, () =>
    Promise.all([
      listDeliveries(db(), params),
      params.patient?.includes("@") ? comingUpForPatient(db(), params.patient) : null,
    ]),
  );
  return (
    <section>
      <h1 className="text-2xl font-semibold">Deliveries</h1>
      <p className="mt-1 text-slate-600">
        Every message the portal sent or decided not to send, with the reason, and what the provider reported after
        (delivered, not delivered with its code, bounced, marked as spam). {zoneNote(params.zone)}
      </p>
      <ListFilters label="Filter deliveries" params={params} exportPath="/admin/deliveries/export">
        <label className="flex flex-col">
          Message
          <select name="kind" defaultValue={params.kind ?? ""} className={filterInput}>
            <option value="">Any</option>
            {deliveryKinds.map((kind) => (
              <option key={kind} value={kind}>
                {kindLabels[kind]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          Channel
          <select name="channel" defaultValue={params.channel ?? ""} className={filterInput}>
            <option value="">Any</option>
            {(["email", "sms", "whatsapp"] as const).map((channel) => (
              <option key={channel} value={channel}>
                {channelLabels[channel]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          Outcome
          <select name="status" defaultValue={params.status ?? ""} className={filterInput}>
            <option value="">Any</option>
            <option value="sent">Sent</option>
            <option value="skipped">Not sent</option>
            <option value="failed">Failed</option>
            <option value="deferred">Waiting for quiet hours to end</option>
            <option value="pending">Sending</option>
          </select>
        </label>
        <label className="flex flex-col">
          Provider report
          <select name="delivery" defaultValue={params.delivery ?? ""} className={filterInput}>
            <option value="">Any</option>
            {providerStatuses.map((status) => (
              <option key={status} value={status}>
                {providerStatusLabels[status]}
              </option>
            ))}
          </select>
        </label>
      </ListFilters>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <Table
          caption="Deliveries, newest first"
          headers={["When", "Patient", "Message", "Channel", "Outcome"]}
          empty="No messages match."
          isEmpty={page.rows.length === 0}
        >
          {page.rows.map((row) => (
            <tr key={row.id} className={rowClass} data-testid="message-row">
              <td className={cell}>{formatAdminTime(row.createdAt, params.zone)}</td>
              <td className={cell}>
                {row.firstName} {row.lastName}
                <span className="block text-xs text-slate-500">{row.patientEmail}</span>
              </td>
              <td className={cell}>{kindLabels[row.kind]}</td>
              <td className={cell}>{channelLabels[row.channel]}</td>
              <td className={cell}>
                <OutcomeCell status={row.status} reason={row.reason} errorCode={row.errorCode} />
                <ProviderReport status={row.providerStatus} />
              </td>
            </tr>
          ))}
        </Table>
        <ListPager page={page} params={params} path="/admin/deliveries" />
      </div>
      {upcoming ? (
        <div className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
          <ComingUp items={upcoming.items} timeZone={upcoming.timeZone} who="this patient" />
        </div>
      ) : null}
    </section>
  );
}

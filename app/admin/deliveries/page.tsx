import type { Metadata } from "next";
import { z } from "zod";
import { db } from "@/db/client";
import { MessageTable } from "@/components/notifications/message-table";
import { requirePageRole } from "@/lib/auth/session";
import { deliveryKinds } from "@/lib/notifications/kinds";
import { channelLabels, kindLabels } from "@/lib/notifications/labels";
import { findPatientByEmail, listDeliveries } from "@/lib/notifications/queries";
import { ComingUp } from "@/components/notifications/coming-up";
import { plainText } from "@/lib/validation";

export const metadata: Metadata = { title: "Deliveries" };

// Unknown filter values are dropped rather than refused: the page is read-only.
const filtersSchema = z.object({
  patient: plainText({ max: 254 }).optional().catch(undefined),
  kind: z.enum(deliveryKinds).optional().catch(undefined),
  channel: z.enum(["email", "sms", "whatsapp"]).optional().catch(undefined),
  status: z.enum(["pending", "sent", "skipped", "failed", "deferred"]).optional().catch(undefined),
});

export default async function DeliveriesPage({ searchParams }: PageProps<"/admin/deliveries">) {
  await requirePageRole("admin");
  const filters = filtersSchema.parse(await searchParams);
  const rows = await listDeliveries(db(), {
    patientEmail: filters.patient || undefined,
    kind: filters.kind,
    channel: filters.channel,
    status: filters.status,
  });
  // Filtered to one patient: what the next two weeks will bring them, as they see it under Messages.
  const patient = filters.patient ? await findPatientByEmail(db(), filters.patient) : null;
  const select = "rounded border border-slate-300 px-2 py-1";
  return (
    <section>
      <h1 className="text-2xl font-semibold">Deliveries</h1>
      <p className="mt-1 text-slate-600">
        Every message the portal sent or decided not to send, with the reason. Times in UTC.
      </p>
      <form className="mt-4 flex flex-wrap items-end gap-3 text-sm" role="search" aria-label="Filter deliveries">
        <label className="flex flex-col">
          Patient email
          <input name="patient" defaultValue={filters.patient} className={select} />
        </label>
        <label className="flex flex-col">
          Message
          <select name="kind" defaultValue={filters.kind ?? ""} className={select}>
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
          <select name="channel" defaultValue={filters.channel ?? ""} className={select}>
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
          <select name="status" defaultValue={filters.status ?? ""} className={select}>
            <option value="">Any</option>
            <option value="sent">Sent</option>
            <option value="skipped">Not sent</option>
            <option value="failed">Failed</option>
            <option value="deferred">Waiting for quiet hours to end</option>
            <option value="pending">Sending</option>
          </select>
        </label>
        <button className="rounded bg-brand-600 px-3 py-1.5 font-medium text-white">Filter</button>
      </form>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <MessageTable
          rows={rows.map((row) => ({ ...row, patient: `${row.firstName} ${row.lastName}` }))}
          timeZone="UTC"
          caption="Deliveries, newest first"
          showPatient
        />
      </div>
      {patient ? (
        <div className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
          <ComingUp patientId={patient.id} timeZone={patient.timeZone} who="this patient" />
        </div>
      ) : null}
    </section>
  );
}

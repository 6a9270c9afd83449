import type { Metadata } from "next";
import Link from "next/link";
import { OutboxHealthPanel } from "@/components/admin/outbox-health-panel";
import { db } from "@/db/client";
import { requirePageRole } from "@/lib/auth/session";
import { outboxHealth } from "@/lib/events/outbox";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminHomePage() {
  await requirePageRole("admin");
  const health = await outboxHealth(db());
  return (
    <section>
      <h1 className="text-2xl font-semibold">Clinic administration</h1>
      <p className="mt-2 text-slate-600">
        Read-only views of what the system did and why. Admins change a patient&apos;s preferences only to record a
        request the patient made (Patient requests); consent and notes are the patient&apos;s own. Function runs, crons
        and replays are in the Inngest dashboard (see the README).
      </p>
      <ul className="mt-4 list-disc pl-6">
        <li>
          <Link href="/admin/inbox" className="text-brand-700 underline">
            Patient requests
          </Link>
          : text replies to read within 10 business days, and requests made by phone, in person or by letter.
        </li>
        <li>
          <Link href="/admin/people" className="text-brand-700 underline">
            People
          </Link>
          : invite, import, assign, deactivate and reactivate patients and clinicians, with every change audited.
        </li>
        <li>
          <Link href="/admin/deliveries" className="text-brand-700 underline">
            Deliveries
          </Link>
          : every message sent or not sent, with the reason.
        </li>
        <li>
          <Link href="/admin/consent-ledger" className="text-brand-700 underline">
            Consent ledger
          </Link>
          : every preference and consent change, filterable, exportable as CSV.
        </li>
        <li>
          <Link href="/admin/video-sessions" className="text-brand-700 underline">
            Video sessions
          </Link>
          : each room, whether it recorded, the consent that rested on, and any guard action.
        </li>
        <li>
          <Link href="/admin/schedule" className="text-brand-700 underline">
            Clinic schedule
          </Link>
          : each clinician&apos;s schedule and working hours; book or move a visit, overriding the rules with a reason.
        </li>
        <li>
          <Link href="/admin/appointments" className="text-brand-700 underline">
            Appointment changes
          </Link>
          : who booked, moved and cancelled each appointment, and why.
        </li>
        <li>
          <Link href="/admin/progress-sharing" className="text-brand-700 underline">
            Progress sharing
          </Link>
          : each progress note&apos;s shares and skips, with reasons.
        </li>
        <li>
          <Link href="/admin/access-log" className="text-brand-700 underline">
            Access log
          </Link>
          : every staff read of a patient&apos;s information, searchable and exportable.
        </li>
      </ul>
      <OutboxHealthPanel health={health} timeZone="UTC" />
    </section>
  );
}

import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { db } from "@/db/client";
import { PrintButton } from "@/components/consents/print-button";
import {
  ConsentDecisions,
  HistoryTable,
  MessageList,
  RecordSection,
  StaffAccessTable,
  VisitTable,
} from "@/components/consents/record-sections";
import { requestHashOf } from "@/lib/auth/authed-action";
import { requirePageRole } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { collectPatientRecord } from "@/lib/my-data/collect";
import { recordExport } from "@/lib/my-data/export-log";

export const metadata: Metadata = { title: "My record" };

/** The patient's whole record, readable and printable; opening it is recorded like the FHIR download. */
export default async function MyDataPage() {
  const user = await requirePageRole("patient");
  const record = await collectPatientRecord(db(), user.id);
  if (!record) notFound();
  await recordExport(db(), user.id, "html", requestHashOf(await headers()));
  const { profile } = record;
  const zone = profile.timeZone;
  return (
    <article className="space-y-8">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">
            My record: {profile.firstName} {profile.lastName}
          </h1>
          <p className="text-slate-600">As of {formatDateTime(new Date(), zone)}.</p>
        </div>
        <PrintButton />
      </div>
      <RecordSection id="about-heading" title="About you and your choices">
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="font-medium">Email</dt>
          <dd>{profile.email}</dd>
          <dt className="font-medium">Mobile</dt>
          <dd>{profile.phoneE164 ?? "(none)"}</dd>
          <dt className="font-medium">Time zone</dt>
          <dd>{zone}</dd>
          <dt className="font-medium">Email notifications</dt>
          <dd>{profile.emailNotifications ? "On" : "Off"}</dd>
          <dt className="font-medium">Text messages</dt>
          <dd>{profile.textMessages ? `On (${profile.textChannel === "whatsapp" ? "WhatsApp" : "SMS"})` : "Off"}</dd>
          <dt className="font-medium">Appointment reminders</dt>
          <dd>{profile.appointmentReminders ? "On" : "Off"}</dd>
          <dt className="font-medium">Care contact</dt>
          <dd>
            {profile.careContactName
              ? `${profile.careContactName}${profile.careContactRelationship ? ` (${profile.careContactRelationship})` : ""}, ${profile.careContactEmail}`
              : "(none)"}
          </dd>
        </dl>
      </RecordSection>
      <RecordSection id="consents-record-heading" title="Consents and the texts you agreed to">
        <ConsentDecisions record={record} />
      </RecordSection>
      <RecordSection id="visits-record-heading" title="Visits">
        <VisitTable record={record} />
      </RecordSection>
      <RecordSection id="messages-record-heading" title="Messages">
        <MessageList record={record} />
      </RecordSection>
      <RecordSection id="summaries-record-heading" title="Progress summaries">
        {record.notes.length === 0 ? (
          <p className="text-slate-600">No progress summaries.</p>
        ) : (
          <ol className="space-y-3">
            {record.notes.map((note) => (
              <li key={note.id} className="rounded border border-slate-200 p-3 text-sm">
                <p className="font-medium">
                  {formatDateTime(note.createdAt, zone)}, {note.clinicianName}
                  {note.correctsNoteId ? " (a correction)" : ""}
                </p>
                <p className="mt-1 whitespace-pre-line">{note.summary}</p>
              </li>
            ))}
          </ol>
        )}
      </RecordSection>
      <RecordSection id="staff-record-heading" title="Clinic staff and your record">
        <StaffAccessTable record={record} />
      </RecordSection>
      <RecordSection id="history-record-heading" title="History of your choices">
        <HistoryTable record={record} />
      </RecordSection>
    </article>
  );
}

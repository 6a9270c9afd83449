import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/db/client";
import { OutcomeCell } from "@/components/notifications/message-table";
import { ProgressNoteForm } from "@/components/progress/progress-note-form";
import { requirePageRole } from "@/lib/auth/session";
import { withStaffAccess } from "@/lib/access/record";
import { timeZoneOfClinician } from "@/lib/appointments/queries";
import { formatDateTime } from "@/lib/format";
import { channelLabels, kindLabels } from "@/lib/notifications/labels";
import type { DeliveryKind } from "@/lib/notifications/kinds";
import { getAppointmentForNotes, listNotesForAppointment } from "@/lib/progress/queries";
import { isRecordId } from "@/lib/validation";

export const metadata: Metadata = { title: "Progress notes" };

const sharingLabels = { pending: "Sharing in progress", shared: "Shared", skipped: "Nothing sent" } as const;

export default async function ProgressNotesPage({ params }: PageProps<"/schedule/[appointmentId]/notes">) {
  const user = await requirePageRole("clinician");
  const { appointmentId } = await params;
  if (!isRecordId(appointmentId)) notFound();
  // One batch: the appointment's and its notes' reads are written to the access log in one insert.
  const [appointment, timeZone, notes] = await withStaffAccess(user, async () => {
    const [own, zone] = await Promise.all([
      getAppointmentForNotes(db(), user.id, appointmentId),
      timeZoneOfClinician(db(), user.id),
    ]);
    // Notes are read only for an appointment the clinician may see, so a 404 reads (and logs) nothing.
    return [own, zone, own ? await listNotesForAppointment(db(), user.id, appointmentId) : []] as const;
  });
  // Another clinician's appointment looks exactly like a missing one.
  if (!appointment) notFound();
  const dateOf = new Map(notes.map((note) => [note.id, formatDateTime(note.createdAt, timeZone)]));
  return (
    <section className="space-y-6">
      <div>
        <p>
          <Link href="/schedule" className="text-sm text-brand-700 underline">
            Back to your schedule
          </Link>
        </p>
        <h1 className="mt-2 text-2xl font-semibold">
          Progress notes: {appointment.patientFirstName} {appointment.patientLastName}
        </h1>
        <p className="text-slate-600">
          {appointment.modality === "telehealth" ? "Video visit" : "Appointment"} on{" "}
          {formatDateTime(appointment.startsAt, timeZone)}
        </p>
      </div>
      <section aria-labelledby="new-note-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="new-note-heading" className="mb-3 text-lg font-semibold">
          Write a note
        </h2>
        <ProgressNoteForm
          appointmentId={appointment.id}
          patientFirstName={appointment.patientFirstName}
          correctable={notes
            .filter((note) => !note.correctedByNoteId)
            .map((note) => ({ id: note.id, label: dateOf.get(note.id)! }))}
        />
      </section>
      <section aria-labelledby="notes-heading">
        <h2 id="notes-heading" className="text-lg font-semibold">
          Saved notes
        </h2>
        {notes.length === 0 ? <p className="mt-2 text-slate-600">No notes yet.</p> : null}
        <ol className="mt-3 space-y-4">
          {notes.map((note) => (
            <li key={note.id} className="rounded-lg border border-slate-200 bg-white p-5" data-testid="saved-note">
              <p className="text-sm text-slate-600">
                Saved {dateOf.get(note.id)} · {sharingLabels[note.sharingStatus]}
                {note.correctsNoteId
                  ? ` · corrects the note of ${dateOf.get(note.correctsNoteId) ?? "an earlier date"}`
                  : ""}
                {note.correctedByNoteId ? ` · corrected on ${dateOf.get(note.correctedByNoteId)}` : ""}
              </p>
              <h3 className="mt-2 text-sm font-semibold">Private clinical note</h3>
              <p className="whitespace-pre-line">{note.privateNote}</p>
              <h3 className="mt-2 text-sm font-semibold">Summary for the patient</h3>
              <p className="whitespace-pre-line">{note.patientSummary}</p>
              {note.deliveries.length > 0 ? (
                <ul className="mt-3 space-y-1 text-sm text-slate-700" aria-label="Where this note went">
                  {note.deliveries.map((d) => (
                    <li key={d.id}>
                      {kindLabels[d.kind as DeliveryKind] ?? d.kind}, {channelLabels[d.channel]}:{" "}
                      <OutcomeCell status={d.status} reason={d.reason} errorCode={d.errorCode} />
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
    </section>
  );
}

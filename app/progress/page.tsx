import type { Metadata } from "next";
import { db } from "@/db/client";
import { requirePageRole } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { timeZoneOfPatient } from "@/lib/appointments/queries";
import { listProgressForPatient } from "@/lib/progress/queries";

export const metadata: Metadata = { title: "Your progress" };

export default async function ProgressPage() {
  const user = await requirePageRole("patient");
  const [timeZone, items] = await Promise.all([
    timeZoneOfPatient(db(), user.id),
    listProgressForPatient(db(), user.id),
  ]);
  const dateOf = new Map(items.map((item) => [item.id, formatDateTime(item.createdAt, timeZone)]));
  return (
    <section>
      <h1 className="text-2xl font-semibold">Your progress</h1>
      <p className="mt-1 text-slate-600">What your clinicians wrote for you after your appointments, newest first.</p>
      {items.length === 0 ? <p className="mt-6 text-slate-600">No progress updates yet.</p> : null}
      <ol className="mt-6 space-y-4">
        {items.map((item) => (
          <li key={item.id}>
            <article
              aria-labelledby={`update-${item.id}`}
              className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
              data-testid="progress-update"
            >
              <h2 id={`update-${item.id}`} className="font-semibold">
                {item.clinicianName}, after your appointment on {formatDateTime(item.appointmentStartsAt, timeZone)}
              </h2>
              <p className="text-sm text-slate-600">Written {dateOf.get(item.id)}</p>
              {item.correctedByNoteId ? (
                <p className="mt-2 rounded bg-amber-50 p-2 text-sm text-amber-900">
                  Corrected on {dateOf.get(item.correctedByNoteId) ?? "a later date"}: read the correction above.
                </p>
              ) : null}
              {item.correctsNoteId ? (
                <p className="mt-2 text-sm text-brand-800">
                  This corrects the update of {dateOf.get(item.correctsNoteId) ?? "an earlier date"}.
                </p>
              ) : null}
              <p
                className={`mt-3 whitespace-pre-line leading-relaxed ${item.correctedByNoteId ? "text-slate-500" : ""}`}
              >
                {item.summary}
              </p>
            </article>
          </li>
        ))}
      </ol>
    </section>
  );
}

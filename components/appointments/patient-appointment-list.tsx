import type { Appointment } from "@/db/schema";
import { isJoinable } from "@/lib/appointments/join-window";
import { formatDateTime } from "@/lib/format";
import type { VisitReceipt } from "@/lib/video/receipts";
import { VisitReceiptView } from "./visit-receipt";

export type PatientAppointment = Pick<Appointment, "id" | "startsAt" | "durationMinutes" | "modality" | "status"> & {
  clinicianName: string;
};

const buttonClass = "inline-block rounded px-3 py-2 text-sm font-medium no-underline";

/** One of the patient's lists (upcoming or past); cancelled appointments stay in place, marked in words. */
export function PatientAppointmentList({
  items,
  timeZone,
  now,
  labelledBy,
  emptyText,
  receipts,
}: {
  items: PatientAppointment[];
  /** recording receipts of the video visits that had a session, by appointment id */
  receipts?: Map<string, VisitReceipt>;
  timeZone: string;
  now: Date;
  labelledBy: string;
  emptyText: string;
}) {
  if (items.length === 0) return <p className="mt-3 text-slate-600">{emptyText}</p>;
  return (
    <ul className="mt-3 space-y-3" aria-labelledby={labelledBy}>
      {items.map((item) => {
        const when = formatDateTime(item.startsAt, timeZone);
        const cancelled = item.status === "cancelled";
        const ended = item.startsAt.getTime() + item.durationMinutes * 60_000 < now.getTime();
        const video = item.modality === "telehealth";
        const receipt = video ? receipts?.get(item.id) : undefined;
        return (
          <li
            key={item.id}
            data-testid="appointment"
            className={`flex flex-wrap items-center justify-between gap-3 rounded-lg border p-4 ${
              cancelled ? "border-dashed border-slate-300 bg-slate-50" : "border-slate-200 bg-white"
            }`}
          >
            <div>
              <p className="font-medium">
                <time dateTime={item.startsAt.toISOString()}>{when}</time>
                {cancelled ? (
                  <span className="ml-2 rounded-full border border-red-700 px-2 py-0.5 text-xs font-semibold text-red-800">
                    Cancelled
                  </span>
                ) : item.status === "completed" ? (
                  <span className="ml-2 rounded-full bg-slate-200 px-2 py-0.5 text-xs text-slate-800">Completed</span>
                ) : null}
              </p>
              <p className="text-sm text-slate-600">
                {item.clinicianName} · {video ? "Video visit" : "In person"} · {item.durationMinutes} min
              </p>
              {video && !cancelled && !ended && !isJoinable(item, now) ? (
                <p className="text-sm text-slate-600">You can join from 15 minutes before the start.</p>
              ) : null}
              {receipt ? <VisitReceiptView receipt={receipt} timeZone={timeZone} /> : null}
            </div>
            {!cancelled && !ended ? (
              <div className="flex flex-wrap gap-2">
                {isJoinable(item, now) ? (
                  // A full page load: the visit page's own camera permission and security policy apply.
                  <a href={`/visit/${item.id}`} className={`${buttonClass} bg-brand-600 text-white hover:bg-brand-700`}>
                    Join video visit<span className="sr-only"> with {item.clinicianName}</span>
                  </a>
                ) : null}
                <a
                  href={`/api/appointments/${item.id}/calendar`}
                  download
                  className={`${buttonClass} border border-brand-600 text-brand-800 hover:bg-brand-50`}
                >
                  Add to calendar<span className="sr-only">: {when}</span>
                </a>
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

import Link from "next/link";
import type { Appointment } from "@/db/schema";
import { dayKey, formatDateTime, formatDay, formatTime } from "@/lib/format";
import { pageKind } from "@/lib/security-headers";

export type ScheduleItem = Pick<Appointment, "id" | "startsAt" | "durationMinutes" | "modality" | "status"> & {
  patientName: string;
  patientTimeZone: string;
};

const linkClass = "rounded bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700";

/**
 * A clinician's schedule grouped by day in their zone, today first; each day's cancelled visits folded away under a
 * "N cancelled" toggle and marked. Every date and time on it comes from lib/format.ts, in the viewer's locale.
 */
export function ScheduleDays({
  items,
  timeZone,
  locale,
  now,
  controls,
}: {
  items: ScheduleItem[];
  timeZone: string;
  locale: string;
  now: Date;
  controls?: (item: ScheduleItem) => React.ReactNode;
}) {
  if (items.length === 0) return <p className="mt-4 text-slate-600">No appointments ahead.</p>;
  const days = new Map<string, ScheduleItem[]>();
  for (const item of items) {
    const key = dayKey(item.startsAt, timeZone);
    days.set(key, [...(days.get(key) ?? []), item]);
  }
  const today = dayKey(now, timeZone);
  return (
    <div className="mt-4 space-y-6">
      {[...days.entries()].map(([key, dayItems]) => {
        const headingId = `day-${key}`;
        const scheduled = dayItems.filter((item) => item.status !== "cancelled");
        const cancelled = dayItems.filter((item) => item.status === "cancelled");
        return (
          <section key={key} aria-labelledby={headingId} data-testid="schedule-day">
            <h3 id={headingId} className="text-base font-semibold">
              {key === today ? "Today, " : ""}
              {formatDay(dayItems[0]!.startsAt, timeZone, locale)}
            </h3>
            {scheduled.length ? (
              <ul className="mt-2 space-y-3" aria-labelledby={headingId}>
                {scheduled.map((item) => (
                  <ScheduleCard key={item.id} item={item} timeZone={timeZone} locale={locale} controls={controls} />
                ))}
              </ul>
            ) : (
              <p className="mt-2 text-sm text-slate-600">Nothing scheduled.</p>
            )}
            {cancelled.length ? (
              <details className="mt-2 rounded border border-dashed border-slate-300 bg-slate-50 p-2 text-sm">
                <summary className="cursor-pointer text-slate-700">{cancelled.length} cancelled</summary>
                <ul className="mt-2 space-y-2">
                  {cancelled.map((item) => (
                    <ScheduleCard key={item.id} item={item} timeZone={timeZone} locale={locale} />
                  ))}
                </ul>
              </details>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}

function ScheduleCard({
  item,
  timeZone,
  locale,
  controls,
}: {
  item: ScheduleItem;
  timeZone: string;
  locale: string;
  controls?: (item: ScheduleItem) => React.ReactNode;
}) {
  const cancelled = item.status === "cancelled";
  const video = item.modality === "telehealth";
  const startsIn = video && !cancelled ? `/sessions/${item.id}` : null;
  return (
    <li
      className={`flex flex-wrap items-center justify-between gap-3 rounded-lg border p-4 ${
        cancelled ? "border-dashed border-slate-300 bg-white text-slate-600" : "border-slate-200 bg-white"
      }`}
      data-testid="appointment"
      data-status={item.status}
    >
      <div>
        <p className="font-medium">
          <time dateTime={item.startsAt.toISOString()}>{formatTime(item.startsAt, timeZone, locale)}</time>
          {cancelled ? <span className="ml-2 rounded bg-slate-200 px-2 text-xs font-semibold">Cancelled</span> : null}
        </p>
        <p className="text-sm text-slate-600">
          {item.patientName} · {video ? "Video visit" : "In person"} · {item.durationMinutes} min
        </p>
        {item.patientTimeZone !== timeZone ? (
          <p className="text-sm text-slate-600">
            {item.patientName}&apos;s time:{" "}
            {dayKey(item.startsAt, item.patientTimeZone) === dayKey(item.startsAt, timeZone)
              ? formatTime(item.startsAt, item.patientTimeZone, locale)
              : formatDateTime(item.startsAt, item.patientTimeZone, locale)}{" "}
            ({item.patientTimeZone})
          </p>
        ) : null}
      </div>
      {startsIn && pageKind(startsIn) === "video" ? (
        // A full page load: the video page's own CSP and Permissions-Policy (camera, Twilio) must apply.
        <a href={startsIn} className={linkClass}>
          Start video session
        </a>
      ) : startsIn ? (
        <Link href={startsIn} className={linkClass}>
          Start video session
        </Link>
      ) : null}
      {controls ? <div className="w-full">{controls(item)}</div> : null}
    </li>
  );
}

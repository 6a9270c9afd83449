import Link from "next/link";
import type { Appointment } from "@/db/schema";
import { formatDateTime } from "@/lib/format";
import { pageKind } from "@/lib/security-headers";

export type AppointmentListItem = Pick<Appointment, "id" | "startsAt" | "durationMinutes" | "modality" | "status"> & {
  withWhom: string;
};

const statusLabel: Record<Appointment["status"], string> = {
  scheduled: "Scheduled",
  cancelled: "Cancelled",
  completed: "Completed",
};

const linkClass = "rounded bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700";

/** Appointments shown in one time zone; `action` adds a per-row link (e.g. start the video session). */
export function AppointmentList({
  items,
  timeZone,
  emptyText,
  action,
  controls,
  label,
}: {
  items: AppointmentListItem[];
  timeZone: string;
  emptyText: string;
  action?: (item: AppointmentListItem) => { href: string; label: string } | null;
  controls?: (item: AppointmentListItem) => React.ReactNode;
  /** the list's accessible name, when a page shows more than one */
  label?: string;
}) {
  if (items.length === 0) return <p className="mt-4 text-slate-600">{emptyText}</p>;
  return (
    <ul className="mt-4 space-y-3" aria-label={label}>
      {items.map((item) => {
        const link = action?.(item);
        return (
          <li
            key={item.id}
            className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-200 bg-white p-4"
            data-testid="appointment"
          >
            <div>
              <p className="font-medium">
                <time dateTime={item.startsAt.toISOString()}>{formatDateTime(item.startsAt, timeZone)}</time>
              </p>
              <p className="text-sm text-slate-600">
                {item.withWhom} · {item.modality === "telehealth" ? "Video visit" : "In person"} ·{" "}
                {item.durationMinutes} min
                {item.status !== "scheduled" ? ` · ${statusLabel[item.status]}` : ""}
              </p>
            </div>
            {link && pageKind(link.href) === "video" ? (
              // A full page load: the video page's own CSP and Permissions-Policy (camera, Twilio) must apply.
              <a href={link.href} className={linkClass}>
                {link.label}
              </a>
            ) : link ? (
              <Link href={link.href} className={linkClass}>
                {link.label}
              </Link>
            ) : null}
            {controls ? <div className="w-full">{controls(item)}</div> : null}
          </li>
        );
      })}
    </ul>
  );
}

import { formatDateTime } from "@/lib/format";
import type { OutboxHealth } from "@/lib/events/outbox";

/** Whether every change has reached Inngest: rows waiting in the outbox, and those waiting over ten minutes. */
export function OutboxHealthPanel({ health, timeZone }: { health: OutboxHealth; timeZone: string }) {
  const stale = health.stale > 0;
  return (
    <section
      aria-labelledby="outbox-health"
      className={`mt-6 rounded border p-4 ${stale ? "border-red-300 bg-red-50" : "border-slate-200"}`}
    >
      <h2 id="outbox-health" className="text-lg font-semibold">
        Event delivery to Inngest
      </h2>
      <p data-testid="outbox-health" role={stale ? "alert" : undefined} className="mt-1">
        {stale
          ? `${health.stale} ${health.stale === 1 ? "change has" : "changes have"} waited over 10 minutes to reach Inngest (oldest since ${formatDateTime(health.oldestStaleAt!, timeZone)}${health.lastError ? `; last error ${health.lastError}` : ""}). They are kept and retried every minute; check that Inngest is reachable.`
          : health.pending > 0
            ? `${health.pending} ${health.pending === 1 ? "change is" : "changes are"} on the way to Inngest.`
            : "Every change has reached Inngest."}
      </p>
    </section>
  );
}

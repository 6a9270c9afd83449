import { db } from "@/db/client";
import { findDueReminders } from "@/lib/notifications/reminder-scan";
import { inngest } from "../../client";
import { reminderDue } from "../../events";

const FAN_OUT_BATCH = 500;

/** Every 5 minutes: one indexed query for due reminder pairs, fanned out as one event per pair. */
export const scanReminders = inngest.createFunction(
  { id: "scan-reminders", name: "Scan for due reminders", triggers: [{ cron: "*/5 * * * *" }], concurrency: { limit: 1 } },
  async ({ step }) => {
    const due = await step.run("find-due-reminders", async () =>
      (await findDueReminders(db(), new Date())).map((pair) => ({ ...pair, startsAt: pair.startsAt.toISOString() })),
    );
    for (let offset = 0; offset < due.length; offset += FAN_OUT_BATCH) {
      const batch = due.slice(offset, offset + FAN_OUT_BATCH);
      await step.sendEvent(
        `fan-out-${offset / FAN_OUT_BATCH}`,
        batch.map((pair) => ({
          // Deterministic: the next scan re-finds an unsent pair, and Inngest drops the repeated event id.
          id: `reminder-${pair.appointmentId}-${pair.kind}-${Date.parse(pair.startsAt)}`,
          name: reminderDue.name,
          data: { appointmentId: pair.appointmentId, kind: pair.kind },
        })),
      );
    }
    return { due: due.length };
  },
);

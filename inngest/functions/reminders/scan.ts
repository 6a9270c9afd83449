import { db } from "@/db/client";
import { findDueReminders, recordPassedReminders } from "@/lib/notifications/reminder-scan";
import { reminderDue, reminderEventId } from "@/lib/events/contract";
import { inngest } from "../../client";

const FAN_OUT_BATCH = 500;

/** Every 5 minutes: one indexed query for due reminder pairs, fanned out as one event per pair, 500 to a request. */
export const scanReminders = inngest.createFunction(
  {
    id: "scan-reminders",
    name: "Scan for due reminders",
    triggers: [{ cron: "*/5 * * * *" }],
    concurrency: { limit: 1 },
  },
  async ({ step }) => {
    const due = await step.run("find-due-reminders", async () =>
      (await findDueReminders(db(), new Date())).map((pair) => ({
        ...pair,
        startsAt: pair.startsAt.toISOString(),
        updatedAt: pair.updatedAt.toISOString(),
      })),
    );
    for (let offset = 0; offset < due.length; offset += FAN_OUT_BATCH) {
      const batch = due.slice(offset, offset + FAN_OUT_BATCH);
      await step.sendEvent(
        `fan-out-${offset / FAN_OUT_BATCH}`,
        batch.map((pair) => ({
          // Deterministic: the next scan re-finds an unsent pair, and Inngest drops the repeated event id.
          id: reminderEventId(pair.appointmentId, pair.kind, new Date(pair.startsAt), new Date(pair.updatedAt)),
          name: reminderDue.name,
          data: { appointmentId: pair.appointmentId, kind: pair.kind },
        })),
      );
    }
    // Reminders of appointments that started while nothing scanned (downtime over the scan's look-back) get a record.
    const passed = await step.run("record-passed-reminders", async () => {
      const { recorded, appointments } = await recordPassedReminders(db(), new Date());
      return { recorded, appointments };
    });
    return { due: due.length, passedRecorded: passed.recorded };
  },
);

import { db } from "@/db/client";
import { outboxHealth } from "@/lib/events/outbox";
import { log } from "@/lib/log";
import { inngest } from "../../client";
import { relayOutboxNow } from "../../relay";

/** Every minute: publishes outbox rows the after-response relay could not (event API down, a crash), with backoff. */
export const relayOutboxFn = inngest.createFunction(
  {
    id: "relay-outbox",
    name: "Publish the event outbox",
    triggers: [{ cron: "* * * * *" }],
    concurrency: { limit: 1 },
  },
  async ({ step }) => {
    const relayed = await step.run("publish-pending", () => relayOutboxNow());
    const health = await step.run("check-stale", async () => {
      const found = await outboxHealth(db());
      // Counts and ages only: the rows' payloads are ids, but even those stay out of the log.
      if (found.stale > 0) {
        const minutes = Math.round((Date.now() - found.oldestStaleAt!.getTime()) / 60_000);
        log.warn(
          { stale: found.stale, oldestMinutes: minutes, lastError: found.lastError },
          "outbox events unpublished for over 10 minutes",
        );
      }
      return { pending: found.pending, stale: found.stale };
    });
    return { ...relayed, ...health };
  },
);

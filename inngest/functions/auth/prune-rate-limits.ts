import { db } from "@/db/client";
import { pruneRateLimits } from "@/lib/auth/rate-limit";
import { pruneOutbox } from "@/lib/events/outbox";
import { inngest } from "../../client";

/** Daily: sign-in rate-limit windows older than a day, and outbox rows published over a week ago, are deleted. */
export const pruneRateLimitsFn = inngest.createFunction(
  {
    id: "prune-rate-limits",
    name: "Prune old sign-in rate limits and published outbox rows",
    triggers: [{ cron: "17 3 * * *" }],
  },
  async ({ step }) => ({
    deleted: await step.run("delete-old-windows", () => pruneRateLimits(db())),
    outboxDeleted: await step.run("delete-published-outbox-rows", () => pruneOutbox(db())),
  }),
);

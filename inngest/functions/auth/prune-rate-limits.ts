import { db } from "@/db/client";
import { pruneRateLimits } from "@/lib/auth/rate-limit";
import { pruneOutbox } from "@/lib/events/outbox";
import { pruneWebhookReceipts } from "@/lib/twilio/receipts";
import { inngest } from "../../client";

/**
 * Daily: sign-in rate-limit windows older than a day, outbox rows published over a week ago, and webhook receipts
 * older than 30 days (Twilio retries within hours) are deleted. The id stays as it was: Inngest keys runs by it.
 */
export const pruneRateLimitsFn = inngest.createFunction(
  {
    id: "prune-rate-limits",
    name: "Prune old sign-in rate limits, published outbox rows and webhook receipts",
    triggers: [{ cron: "17 3 * * *" }],
  },
  async ({ step }) => ({
    deleted: await step.run("delete-old-windows", () => pruneRateLimits(db())),
    outboxDeleted: await step.run("delete-published-outbox-rows", () => pruneOutbox(db())),
    receiptsDeleted: await step.run("delete-old-webhook-receipts", () => pruneWebhookReceipts(db())),
  }),
);

import { db } from "@/db/client";
import { pruneRateLimits } from "@/lib/auth/rate-limit";
import { inngest } from "../../client";

/** Daily: sign-in rate-limit windows older than a day are deleted. */
export const pruneRateLimitsFn = inngest.createFunction(
  { id: "prune-rate-limits", name: "Prune old sign-in rate limits", triggers: [{ cron: "17 3 * * *" }] },
  async ({ step }) => ({ deleted: await step.run("delete-old-windows", () => pruneRateLimits(db())) }),
);

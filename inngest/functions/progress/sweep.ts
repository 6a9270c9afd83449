import { db } from "@/db/client";
import { findNotesPendingSharing } from "@/lib/progress/queries";
import { inngest } from "../../client";
import { progressNoteCreated, progressNoteEventId } from "../../events";

/** Nothing is lost: notes still pending sharing after five minutes get their event again, under the original id. */
export const sweepProgressSharing = inngest.createFunction(
  { id: "sweep-progress-sharing", name: "Re-find progress notes not yet shared", triggers: [{ cron: "*/5 * * * *" }], concurrency: { limit: 1 } },
  async ({ step }) => {
    const pending = await step.run("find-pending", () => findNotesPendingSharing(db()));
    if (pending.length > 0) {
      await step.sendEvent(
        "re-emit",
        pending.map((progressNoteId) => ({ id: progressNoteEventId(progressNoteId), name: progressNoteCreated.name, data: { progressNoteId } })),
      );
    }
    return { reEmitted: pending.length };
  },
);

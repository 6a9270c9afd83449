import { db } from "@/db/client";
import { pruneAuditRecords } from "@/lib/access/retention";
import { inngest } from "../../client";

/** Daily: audit rows past the six-year retention period (lib/access/retention.ts); younger rows are never touched. */
export const pruneAuditRecordsFn = inngest.createFunction(
  {
    id: "prune-audit-records",
    name: "Prune access-log and ledger rows older than six years",
    triggers: [{ cron: "43 4 * * *" }],
  },
  async ({ step }) => step.run("delete-rows-past-retention", () => pruneAuditRecords(db())),
);

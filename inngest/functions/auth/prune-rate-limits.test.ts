import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { webhookReceipts } from "@/db/schema";
import { receiptSources } from "@/lib/twilio/receipts";
import { pruneRateLimitsFn } from "./prune-rate-limits";

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

describe("daily prune", () => {
  it("deletes webhook receipts older than 30 days, keeps newer ones and every STOP/START receipt", async () => {
    await db()
      .insert(webhookReceipts)
      .values([
        { source: receiptSources.inboundText, receiptKey: "SMold", createdAt: daysAgo(31) },
        { source: receiptSources.roomCallback, receiptKey: "RMold/seq-4/room-ended/-", createdAt: daysAgo(45) },
        { source: receiptSources.inboundText, receiptKey: "SMrecent", createdAt: daysAgo(29) },
        { source: receiptSources.roomCallback, receiptKey: "RMnew/seq-0/room-created/-", createdAt: new Date() },
        // A captured START must stay refused however late it is replayed.
        { source: receiptSources.optOutText, receiptKey: "SMstart", createdAt: daysAgo(400) },
      ]);

    const { result } = await new InngestTestEngine({ function: pruneRateLimitsFn }).execute();
    expect(result).toMatchObject({ receiptsDeleted: 2 });
    const left = await db().select({ key: webhookReceipts.receiptKey }).from(webhookReceipts);
    expect(left.map((row) => row.key).sort()).toEqual(["RMnew/seq-0/room-created/-", "SMrecent", "SMstart"]);

    const again = await new InngestTestEngine({ function: pruneRateLimitsFn }).execute();
    expect(again.result).toMatchObject({ receiptsDeleted: 0 });
  });
});

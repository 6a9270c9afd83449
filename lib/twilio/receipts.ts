import "server-only";
import { and, eq, lt, ne, sql } from "drizzle-orm";
import { executeRows, type Db, type Tx } from "@/db/client";
import { webhookReceipts } from "@/db/schema";

/**
 * What a receipt records (DESIGN.md, invariant 5): an inbound text by its MessageSid, a room callback by its identity.
 * A text that asked to stop or start is kept apart so its receipt outlives the prune (see `pruneWebhookReceipts`).
 */
export const receiptSources = {
  inboundText: "twilio-inbound-text",
  optOutText: "twilio-opt-out-text",
  roomCallback: "twilio-room-callback",
  /** a message status callback, by MessageSid and status (Twilio sends each status once, retries the same) */
  messageStatus: "twilio-message-status",
  /** a Resend webhook, by its svix-id */
  resendWebhook: "resend-webhook",
} as const;
export type ReceiptSource = (typeof receiptSources)[keyof typeof receiptSources];

/**
 * Records that this message or callback is handled, in the caller's transaction: false when it already was (a replay).
 * A concurrent duplicate waits on the primary key until the first commits (then false) or rolls back (then true).
 */
export async function claimReceipt(db: Db | Tx, source: ReceiptSource, receiptKey: string): Promise<boolean> {
  const claimed = await db
    .insert(webhookReceipts)
    .values({ source, receiptKey })
    .onConflictDoNothing()
    .returning({ receiptKey: webhookReceipts.receiptKey });
  return claimed.length > 0;
}

/** True when this message or callback was handled already. */
export async function hasReceipt(db: Db | Tx, source: ReceiptSource, receiptKey: string): Promise<boolean> {
  const [row] = await db
    .select({ receiptKey: webhookReceipts.receiptKey })
    .from(webhookReceipts)
    .where(and(eq(webhookReceipts.source, source), eq(webhookReceipts.receiptKey, receiptKey)))
    .limit(1);
  return row !== undefined;
}

/** Twilio retries a webhook within minutes to hours; a month covers every retry and any replay worth catching. */
export const RECEIPT_KEEP_DAYS = 30;

/**
 * Deletes receipts older than `keepDays`, except those of STOP/START texts: Twilio's signature carries no time, so a
 * captured START would be accepted again once its receipt is gone. They are few (one per opt-out or opt-in).
 */
export async function pruneWebhookReceipts(db: Db, now = new Date(), keepDays = RECEIPT_KEEP_DAYS): Promise<number> {
  const cutoff = new Date(now.getTime() - keepDays * 86_400_000).toISOString();
  const stale = and(
    lt(webhookReceipts.createdAt, sql`${cutoff}::timestamptz`),
    ne(webhookReceipts.source, receiptSources.optOutText),
  );
  // Counted in the database: a day's receipts can be many, and their keys need not travel back.
  const [row] = await executeRows<{ deleted: number }>(
    db,
    sql`with gone as (delete from ${webhookReceipts} where ${stale} returning 1) select count(*)::int as deleted from gone`,
  );
  return Number(row?.deleted ?? 0);
}

import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { devOutbox } from "@/db/schema";

/** The dev outbox, newest first; optionally only one recipient's messages. */
export async function listOutbox(db: Db, options: { recipient?: string; limit?: number } = {}) {
  return db
    .select({
      id: devOutbox.id,
      channel: devOutbox.channel,
      recipient: devOutbox.recipient,
      subject: devOutbox.subject,
      body: devOutbox.body,
      createdAt: devOutbox.createdAt,
    })
    .from(devOutbox)
    .where(options.recipient ? eq(devOutbox.recipient, options.recipient.toLowerCase()) : undefined)
    .orderBy(desc(devOutbox.createdAt))
    .limit(options.limit ?? 50);
}

import "server-only";
import { desc, eq, inArray, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { devOutbox, patientProfiles, users } from "@/db/schema";

/**
 * The dev outbox, newest first; optionally one person's messages on every channel: a patient's email address also
 * finds the SMS and WhatsApp messages sent to the mobile number on their profile.
 */
export async function listOutbox(db: Db, options: { recipient?: string; limit?: number } = {}) {
  const recipient = options.recipient?.toLowerCase();
  const theirPhone = db
    .select({ phone: patientProfiles.phoneE164 })
    .from(patientProfiles)
    .innerJoin(users, eq(users.id, patientProfiles.userId))
    .where(eq(users.email, recipient ?? ""));
  return db
    .select({
      id: devOutbox.id,
      channel: devOutbox.channel,
      recipient: devOutbox.recipient,
      subject: devOutbox.subject,
      body: devOutbox.body,
      attachments: devOutbox.attachments,
      createdAt: devOutbox.createdAt,
    })
    .from(devOutbox)
    .where(recipient ? or(eq(devOutbox.recipient, recipient), inArray(devOutbox.recipient, theirPhone)) : undefined)
    .orderBy(desc(devOutbox.createdAt))
    .limit(options.limit ?? 50);
}

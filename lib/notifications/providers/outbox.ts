import "server-only";
import { db } from "@/db/client";
import { devOutbox, type OutboxAttachment } from "@/db/schema";
import { env } from "@/lib/env";
import { ProviderError, type ProviderResult } from "./errors";

/** Demo, dev and tests without a configured provider: keep the message where /dev/outbox shows it. */
export async function writeToOutbox(message: {
  channel: "email" | "sms" | "whatsapp";
  to: string;
  subject?: string;
  body: string;
  attachments?: OutboxAttachment[];
}): Promise<ProviderResult> {
  if (!env().devOutboxEnabled)
    throw new ProviderError(`No ${message.channel} provider is configured`, "not_configured", true);
  const [row] = await db()
    .insert(devOutbox)
    .values({
      channel: message.channel,
      recipient: message.to,
      subject: message.subject ?? null,
      body: message.body,
      attachments: message.attachments?.length ? message.attachments : null,
    })
    .returning({ id: devOutbox.id });
  return { providerMessageId: `outbox_${row!.id}`, via: "dev-outbox" };
}

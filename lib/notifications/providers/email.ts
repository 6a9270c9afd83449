import "server-only";
import { Resend } from "resend";
import { db } from "@/db/client";
import { devOutbox } from "@/db/schema";
import { env } from "@/lib/env";

export type EmailMessage = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
};

export type ProviderResult = { providerMessageId: string; via: "resend" | "dev-outbox" };

export class ProviderError extends Error {
  constructor(
    message: string,
    public readonly code: string,
    public readonly permanent: boolean,
  ) {
    super(message);
    this.name = "ProviderError";
  }
}

/** Sends through Resend when configured (RESEND_BASE_URL reaches a local fake in tests), else the dev outbox. */
export async function sendEmail(message: EmailMessage): Promise<ProviderResult> {
  const config = env();
  if (!config.resendApiKey) {
    if (!config.devOutboxEnabled) throw new ProviderError("No email provider configured", "not_configured", true);
    const [row] = await db()
      .insert(devOutbox)
      .values({ channel: "email", recipient: message.to, subject: message.subject, body: message.text })
      .returning({ id: devOutbox.id });
    return { providerMessageId: `outbox_${row!.id}`, via: "dev-outbox" };
  }
  const resend = new Resend(config.resendApiKey);
  const { data, error } = await resend.emails.send({
    from: config.emailFrom,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    headers: message.headers,
  });
  if (error || !data) {
    const code = error?.name ?? "unknown_error";
    const permanent = ["validation_error", "invalid_from_address", "invalid_api_key", "missing_required_field"].includes(code);
    throw new ProviderError(`Resend refused the email (${code})`, code, permanent);
  }
  return { providerMessageId: data.id, via: "resend" };
}

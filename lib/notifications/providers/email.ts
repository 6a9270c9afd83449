import "server-only";
import { Resend } from "resend";
import { env } from "@/lib/env";
import { ProviderError, type ProviderResult } from "./errors";
import { writeToOutbox } from "./outbox";

/** A file sent with an email; `content` is base64, as Resend takes it and the dev outbox keeps it. */
export type EmailAttachment = { filename: string; contentType: string; content: string };

export type EmailMessage = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
  attachments?: EmailAttachment[];
  /** Resend keeps it 24 h: a retried send with the same key is not sent twice */
  idempotencyKey?: string;
};

const PERMANENT = new Set([
  "validation_error",
  "invalid_from_address",
  "invalid_api_key",
  "missing_required_field",
  "restricted_api_key",
  "invalid_parameter",
]);

/** Sends through Resend when configured (RESEND_BASE_URL reaches a local fake in tests), else the dev outbox. */
export async function sendEmail(message: EmailMessage): Promise<ProviderResult> {
  const config = env();
  if (!config.resendApiKey)
    return writeToOutbox({
      channel: "email",
      to: message.to,
      subject: message.subject,
      body: message.text,
      attachments: message.attachments,
    });
  const resend = new Resend(config.resendApiKey);
  const { data, error } = await resend.emails.send(
    {
      from: config.emailFrom,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      headers: message.headers,
      attachments: message.attachments,
    },
    message.idempotencyKey ? { idempotencyKey: message.idempotencyKey } : undefined,
  );
  // The key was already used, with another payload, by a request Resend accepted: this delivery's email went out
  // then (after a retry re-read changed details). Resend does not give that email's id; retrying is useless.
  if (error?.name === "invalid_idempotent_request") return { providerMessageId: null, via: "resend" };
  if (error || !data) {
    const code = error?.name ?? "unknown_error";
    throw new ProviderError(`Resend refused the email (${code})`, code, PERMANENT.has(code));
  }
  return { providerMessageId: data.id, via: "resend" };
}

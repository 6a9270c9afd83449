import "server-only";
import { env } from "@/lib/env";
import { createTwilioClient } from "@/lib/twilio/client";
import { ProviderError, type ProviderResult } from "./errors";
import { writeToOutbox } from "./outbox";
import { contentSidFor, type TemplateVariables } from "../whatsapp-templates";

export type TextMessage = {
  channel: "sms" | "whatsapp";
  to: string;
  body: string;
  kind: string;
  /** a WhatsApp template's named variables (lib/notifications/whatsapp-templates.ts) */
  variables?: TemplateVariables;
};

// Twilio error codes that retrying cannot fix: invalid/unreachable number, opted out (STOP), not a mobile, WhatsApp rules.
const PERMANENT_CODES = new Set([21211, 21214, 21408, 21610, 21612, 21614, 63003, 63016, 63024]);

/** SMS or WhatsApp through Twilio Messaging when configured, else the dev outbox. */
export async function sendText(message: TextMessage): Promise<ProviderResult> {
  const config = env().twilioMessaging;
  if (!config) return writeToOutbox({ channel: message.channel, to: message.to, body: message.body });
  const from =
    message.channel === "whatsapp" ? config.whatsappFrom && `whatsapp:${config.whatsappFrom}` : config.smsFrom;
  if (!from) throw new ProviderError(`No ${message.channel} sender number configured`, "not_configured", true);
  const to = message.channel === "whatsapp" ? `whatsapp:${message.to}` : message.to;
  // WhatsApp outside the 24 h window needs an approved template; the plain body is for the Twilio sandbox in dev only.
  const contentSid = message.channel === "whatsapp" && message.variables ? contentSidFor(message.kind) : undefined;
  if (message.channel === "whatsapp" && message.variables && !contentSid && env().isProduction)
    throw new ProviderError(`No WhatsApp template for ${message.kind}`, "no_template", true);
  try {
    const client = createTwilioClient({ accountSid: config.accountSid, authToken: config.authToken });
    // Twilio reports delivered/undelivered/failed here (app/api/twilio/status), signed like every webhook.
    const statusCallback = `${env().appUrl}/api/twilio/status`;
    // An approved template's named variables, never the whole message as one variable (Meta refuses those).
    const sent = await client.messages.create(
      contentSid
        ? { from, to, contentSid, contentVariables: JSON.stringify(message.variables), statusCallback }
        : { from, to, body: message.body, statusCallback },
    );
    return { providerMessageId: sent.sid, via: "twilio" };
  } catch (error) {
    const { code, status } = error as { code?: number; status?: number };
    const permanent = code !== undefined && PERMANENT_CODES.has(code);
    throw new ProviderError(
      `Twilio refused the ${message.channel} message`,
      String(code ?? status ?? "network_error"),
      permanent,
    );
  }
}

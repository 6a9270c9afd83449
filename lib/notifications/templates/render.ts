import { render, toPlainText } from "@react-email/components";
import { createElement } from "react";
import { messageContent, type MessageContext } from "./content";
import { MessageEmail, type MessageEmailProps } from "./message-email";

export type RenderedEmail = { subject: string; html: string; text: string };

export async function renderEmail(props: MessageEmailProps): Promise<RenderedEmail> {
  const html = await render(createElement(MessageEmail, props));
  // One React render for both parts: render(…, { plainText: true }) is this same conversion of the same markup.
  return { subject: props.content.subject, html, text: toPlainText(html) };
}

export const PATIENT_EMAIL_FOOTER = "You receive this because email notifications are on in your portal settings.";

export function renderAppointmentEmail(ctx: MessageContext): Promise<RenderedEmail> {
  return renderEmail({
    greetingName: ctx.firstName,
    content: messageContent(ctx),
    footer: PATIENT_EMAIL_FOOTER,
    unsubscribeUrl: ctx.unsubscribeUrl,
  });
}

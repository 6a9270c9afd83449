import { render, toPlainText } from "@react-email/components";
import { createElement } from "react";
import { AppointmentEmail } from "./appointment-email";
import { messageContent, type MessageContext } from "./content";

export async function renderAppointmentEmail(ctx: MessageContext): Promise<{ subject: string; html: string; text: string }> {
  const html = await render(createElement(AppointmentEmail, ctx));
  // One React render for both parts: render(…, { plainText: true }) is this same conversion of the same markup.
  return { subject: messageContent(ctx).subject, html, text: toPlainText(html) };
}

import { render } from "@react-email/components";
import { createElement } from "react";
import { AppointmentEmail } from "./appointment-email";
import { messageContent, type MessageContext } from "./content";

export async function renderAppointmentEmail(ctx: MessageContext): Promise<{ subject: string; html: string; text: string }> {
  const element = createElement(AppointmentEmail, ctx);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: messageContent(ctx).subject, html, text };
}

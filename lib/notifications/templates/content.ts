import { formatDateTime, formatShortDateTime, formatTime } from "@/lib/format";
import { fitOneSegment } from "./text";
import type { MessageKind } from "../kinds";

/** Everything a message may say: first name, time in the patient's zone, clinician, links. Never notes. */
export type MessageContext = {
  kind: MessageKind;
  firstName: string;
  clinicianName: string;
  startsAt: Date;
  timeZone: string;
  modality: "in_person" | "telehealth";
  portalUrl: string;
  visitUrl: string;
  /** emails only: the page that turns email notifications off */
  unsubscribeUrl?: string;
};

export type MessageContent = { subject: string; lines: string[]; link: { label: string; url: string } };

export function messageContent(ctx: MessageContext): MessageContent {
  const when = formatDateTime(ctx.startsAt, ctx.timeZone);
  const visit = ctx.modality === "telehealth" ? "video visit" : "appointment";
  const portal = { label: "Open the patient portal", url: ctx.portalUrl };
  switch (ctx.kind) {
    case "confirmation":
      return {
        subject: `Your ${visit} is booked`,
        lines: [`Your ${visit} with ${ctx.clinicianName} is booked for ${when}.`],
        link: portal,
      };
    case "reminder_24h":
    case "reminder_1h":
      return {
        subject: `Reminder: your ${visit} on ${when}`,
        lines: [`A reminder: your ${visit} with ${ctx.clinicianName} is on ${when}.`],
        link: portal,
      };
    case "reminder_15m":
      return ctx.modality === "telehealth"
        ? {
            subject: "Your video visit starts soon: here is your link",
            lines: [`Your video visit with ${ctx.clinicianName} starts at ${when}. Join with the link below.`],
            link: { label: "Join your video visit", url: ctx.visitUrl },
          }
        : {
            subject: "Your appointment starts soon",
            lines: [`Your appointment with ${ctx.clinicianName} starts at ${when}.`],
            link: portal,
          };
    case "cancellation":
      return {
        subject: `Your ${visit} is cancelled`,
        lines: [`Your ${visit} with ${ctx.clinicianName} on ${when} is cancelled.`],
        link: portal,
      };
    case "rescheduled":
      return {
        subject: `Your ${visit} has a new time`,
        lines: [`Your ${visit} with ${ctx.clinicianName} is now on ${when}.`],
        link: portal,
      };
  }
}

/** What a text says of each kind, with the greeting and the clinician optional so it can be shortened. */
function textSentence(ctx: MessageContext, clinician: string): { sentence: string; link: string } {
  const when = formatShortDateTime(ctx.startsAt, ctx.timeZone);
  // 15 minutes ahead the time alone is enough, and leaves room for the visit link.
  const soon = formatTime(ctx.startsAt, ctx.timeZone);
  const visit = ctx.modality === "telehealth" ? "video visit" : "appointment";
  const portal = ctx.portalUrl;
  switch (ctx.kind) {
    case "confirmation":
      return { sentence: `your ${visit}${clinician} is booked for ${when}.`, link: portal };
    case "reminder_24h":
    case "reminder_1h":
      return { sentence: `reminder: your ${visit}${clinician} is on ${when}.`, link: portal };
    case "reminder_15m":
      return ctx.modality === "telehealth"
        ? { sentence: `your video visit${clinician} starts at ${soon}. Join:`, link: ctx.visitUrl }
        : { sentence: `your appointment${clinician} starts at ${soon}.`, link: portal };
    case "cancellation":
      return { sentence: `your ${visit}${clinician} on ${when} is cancelled.`, link: portal };
    case "rescheduled":
      return { sentence: `your ${visit}${clinician} is now on ${when}.`, link: portal };
  }
}

/** The last resort for a very long portal address: what and when, and the link. */
const terseLabel: Record<MessageKind, string> = {
  confirmation: "Visit booked",
  reminder_24h: "Visit reminder",
  reminder_1h: "Visit reminder",
  reminder_15m: "Visit starts",
  cancellation: "Visit cancelled",
  rescheduled: "Visit moved to",
};

/**
 * SMS and WhatsApp: one short paragraph that fits one SMS segment, shortened (clinician, then name) when names are
 * long; the first SMS to a number carries the opt-out line (CTIA).
 */
export function textBody(ctx: MessageContext, channel: "sms" | "whatsapp", firstText = false): string {
  const wording = (greeting: boolean, clinician: boolean) => {
    const { sentence, link } = textSentence(ctx, clinician ? ` with ${ctx.clinicianName}` : "");
    const text = greeting ? `Hi ${ctx.firstName}, ${sentence}` : sentence[0]!.toUpperCase() + sentence.slice(1);
    return `${text} ${link}`;
  };
  const when =
    ctx.kind === "reminder_15m"
      ? formatTime(ctx.startsAt, ctx.timeZone)
      : formatShortDateTime(ctx.startsAt, ctx.timeZone);
  const terse = `${terseLabel[ctx.kind]} ${when}: ${textSentence(ctx, "").link}`;
  return fitOneSegment(
    [wording(true, true), wording(true, false), wording(false, false), terse],
    channel === "sms" && firstText,
  );
}

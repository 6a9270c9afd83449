import { messageKinds } from "./kinds";

// The WhatsApp template registry: one approved template per message kind that may open a conversation. Meta accepts a
// template only with fixed words around its variables: never a variable alone, first or last. Each kind's Content SID
// (created from the text below in the Twilio Console, category "utility") is set as TWILIO_WHATSAPP_CONTENT_SID_<KIND>.
// The revocation confirmation needs none: it answers the patient's own message, inside WhatsApp's 24-hour window.

export const templateVariables = ["first_name", "date_time", "clinician", "link"] as const;
export type TemplateVariable = (typeof templateVariables)[number];
export type TemplateVariables = Partial<Record<TemplateVariable, string>>;

export const whatsAppKinds = [...messageKinds, "progress_update"] as const;
export type WhatsAppKind = (typeof whatsAppKinds)[number];

type Template = { category: "utility"; text: string };

export const whatsAppTemplates: Record<WhatsAppKind, Template> = {
  confirmation: {
    category: "utility",
    text: "Hello {{first_name}}, your appointment with {{clinician}} is booked for {{date_time}}. Details: {{link}} Thank you.",
  },
  reminder_24h: {
    category: "utility",
    text: "Hello {{first_name}}, a reminder of your appointment with {{clinician}} on {{date_time}}. Details: {{link}} Thank you.",
  },
  reminder_1h: {
    category: "utility",
    text: "Hello {{first_name}}, your appointment with {{clinician}} is at {{date_time}}, within the hour. Details: {{link}} Thank you.",
  },
  reminder_15m: {
    category: "utility",
    text: "Hello {{first_name}}, your appointment with {{clinician}} starts at {{date_time}}. Join or view it here: {{link}} See you soon.",
  },
  cancellation: {
    category: "utility",
    text: "Hello {{first_name}}, your appointment with {{clinician}} on {{date_time}} is cancelled. Details: {{link}} Thank you.",
  },
  rescheduled: {
    category: "utility",
    text: "Hello {{first_name}}, your appointment with {{clinician}} is now on {{date_time}}. Details: {{link}} Thank you.",
  },
  progress_update: {
    category: "utility",
    text: "Hello {{first_name}}, {{clinician}} has shared a new progress update in your patient portal: {{link}} Thank you.",
  },
};

const VARIABLE = /\{\{\s*([^}]*?)\s*\}\}/g;

/** What Meta would refuse in a template's text (empty when it is acceptable). */
export function templateProblems(text: string): string[] {
  const problems: string[] = [];
  const trimmed = text.trim();
  const names = [...trimmed.matchAll(VARIABLE)].map((match) => match[1]!);
  for (const name of names) {
    if (!(templateVariables as readonly string[]).includes(name)) problems.push(`unknown variable {{${name}}}`);
  }
  if (trimmed.replace(VARIABLE, "").replace(/[\s\p{P}]/gu, "").length === 0)
    problems.push("the template is only variables");
  if (/^\{\{/.test(trimmed)) problems.push("the template starts with a variable");
  if (/\}\}[\s\p{P}]*$/u.test(trimmed)) problems.push("the template ends with a variable");
  if (/\}\}\s*\{\{/.test(trimmed)) problems.push("two variables are side by side");
  return problems;
}

/** The Content SID configured for a kind, if any. */
export function contentSidFor(
  kind: string,
  source: Record<string, string | undefined> = process.env,
): string | undefined {
  const value = source[`TWILIO_WHATSAPP_CONTENT_SID_${kind.toUpperCase()}`]?.trim();
  return value ? value : undefined;
}

/** With WhatsApp configured in production, every kind must have its template: a missing one is a startup error. */
export function missingWhatsAppTemplates(source: Record<string, string | undefined>): WhatsAppKind[] {
  if (!source.TWILIO_WHATSAPP_FROM?.trim()) return [];
  return whatsAppKinds.filter((kind) => !contentSidFor(kind, source));
}

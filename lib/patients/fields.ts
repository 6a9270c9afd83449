import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import type { LedgerEntry } from "@/db/schema";
import { consentFields } from "./consent-kinds";

// How ledger fields and values read to a person (settings history, admin ledger).
export const fieldLabels: Record<string, string> = {
  emailNotifications: "Email notifications",
  textMessages: "Text messages",
  textChannel: "Text channel",
  whatsappOptIn: "WhatsApp opt-in",
  appointmentReminders: "Appointment reminders",
  phoneE164: "Mobile number",
  timeZone: "Time zone",
  recordingConsent: "Recording consent",
  transcriptionConsent: "Transcription consent",
  progressSharingConsent: "Progress sharing consent",
  careContactName: "Care contact name",
  careContactRelationship: "Care contact relationship",
  careContactEmail: "Care contact email",
  appointmentUpdatesEmail: "Appointment updates by email",
  appointmentUpdatesText: "Appointment updates by text",
  remindersEmail: "Reminders by email",
  remindersText: "Reminders by text",
  progressUpdatesEmail: "Progress updates by email",
  progressUpdatesText: "Progress updates by text",
  reminder24h: "Reminder 24 hours before",
  reminder1h: "Reminder 1 hour before",
  reminder15m: "Reminder 15 minutes before (with video link)",
  textHoursStart: "Texts from (my hours)",
  textHoursEnd: "Texts until (my hours)",
  recordExport: "Record downloaded",
};

export const actorLabels: Record<LedgerEntry["actorKind"], string> = {
  patient: "You",
  staff: "Clinic staff",
  sms_stop: "By text message (STOP or START)",
  unsubscribe_link: "By unsubscribe link",
  system: "The portal",
  inbound_sms: "By your text message",
  inbound_whatsapp: "By your WhatsApp message",
  email_complaint: "You marked our email as spam",
  twilio_unsubscribed: "Your number refuses our texts (you replied STOP to the carrier)",
};

/** How a patient asked staff for a change, as their history says it. */
export const requestMeansLabels: Record<NonNullable<LedgerEntry["requestMeans"]>, string> = {
  phone: "by phone",
  in_person: "in person",
  letter: "by letter",
  email: "by email",
  text_reply: "by text message",
};

/** Who made a change, as the patient's history says it: a staff change names how the patient asked. */
export function actorLabel(actorKind: LedgerEntry["actorKind"], requestMeans: LedgerEntry["requestMeans"]): string {
  if (actorKind === "staff" && requestMeans)
    return `Changed by the clinic at your request (${requestMeansLabels[requestMeans]})`;
  return actorLabels[actorKind];
}

/** A stored number as the patient would type it: national in their own region, international from elsewhere. */
export function phoneForInput(e164: string | null, region: string | undefined): string {
  if (!e164) return "";
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.country === region ? parsed.formatNational() : parsed.formatInternational();
}

export function displayValue(field: string, value: string | null): string {
  if (value === null || value === "") return "(none)";
  if (field === "recordExport") return value === "fhir" ? "FHIR R4 file" : "Printable page";
  if ((consentFields as readonly string[]).includes(field)) return value === "true" ? "Given" : "Not given";
  if (value === "true") return "On";
  if (value === "false") return "Off";
  if (field === "textChannel") return value === "whatsapp" ? "WhatsApp" : "SMS";
  // History and the admin ledger: unambiguous, wherever the reader or the number is.
  if (field === "phoneE164") return parsePhoneNumberFromString(value)?.formatInternational() ?? value;
  return value;
}

import type { DeliveryReason } from "./decide";
import type { DeliveryKind } from "./kinds";

export const kindLabels: Record<DeliveryKind, string> = {
  confirmation: "Booking confirmation",
  reminder_24h: "Reminder, 24 hours before",
  reminder_1h: "Reminder, 1 hour before",
  reminder_15m: "Reminder, 15 minutes before (with video link)",
  cancellation: "Cancellation",
  rescheduled: "New time",
  progress_update: "New progress update (notice to the patient)",
  progress_share: "Progress summary to the care contact",
  revocation_confirmation: "Confirmation that texts are off",
};

/** Why a message was not sent, in words a patient or an operator understands. */
export const reasonLabels: Record<DeliveryReason, string> = {
  email_disabled: "email notifications are off",
  texts_disabled: "text messages are off",
  no_phone: "no mobile number on file",
  whatsapp_not_opted_in: "WhatsApp was chosen without its opt-in",
  reminders_disabled: "appointment reminders are off",
  reminder_kind_disabled: "you chose not to get this reminder",
  category_disabled: "you turned this kind of message off for this channel",
  quiet_hours: "it would have arrived in quiet hours, and later would have been too late",
  frequency_cap: "the clinic's limit on texts per day or week was reached",
  appointment_cancelled: "the appointment was cancelled",
  appointment_past: "the appointment was already over",
  window_passed: "it was too late for this reminder to be useful",
  booked_inside_window: "the appointment was booked after this reminder's time",
  superseded: "a later change to the time replaced it",
  no_sharing_consent: "progress sharing consent was not given",
  consent_version_lapsed: "the consent was given to an earlier text that has lapsed; it needs your review",
  no_care_contact: "no care contact was named",
  deactivated: "the patient's account is deactivated",
  permanent_error: "the provider refused it",
  transient_error: "the provider was unavailable; it will be retried",
};

export const channelLabels = { email: "Email", sms: "SMS", whatsapp: "WhatsApp" } as const;

export function outcomeLabel(status: string, reason: DeliveryReason | null): string {
  if (status === "sent") return "Sent";
  if (status === "pending") return "Sending";
  if (status === "deferred") return "Waiting for the end of quiet hours";
  const why = reason ? (reasonLabels[reason] ?? reason) : "";
  return `${status === "skipped" ? "Not sent" : "Failed"}${why ? `: ${why}` : ""}`;
}

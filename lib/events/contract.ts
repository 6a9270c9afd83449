import { z } from "zod";
import { reminderKinds } from "@/lib/notifications/kinds";

// The event contract: names are portal/<entity>.<past-tense>, payloads carry ids only (DESIGN.md, invariant 7).

const consentRevokedData = z.object({ patientId: z.string().min(1), ledgerEntryId: z.number().int().positive() });
export const recordingConsentRevoked = {
  name: "portal/patient.recording-consent-revoked",
  data: consentRevokedData,
} as const;
/** Transcription's withdrawal: every live room of the patient's stops transcribing (recording is left as it is). */
export const transcriptionConsentRevoked = {
  name: "portal/patient.transcription-consent-revoked",
  data: consentRevokedData,
} as const;

export const reminderDue = {
  name: "portal/reminder.due",
  data: z.object({ appointmentId: z.uuid(), kind: z.enum(reminderKinds) }),
} as const;

const appointmentIdOnly = z.object({ appointmentId: z.uuid() });
export const appointmentBooked = { name: "portal/appointment.booked", data: appointmentIdOnly } as const;
export const appointmentCancelled = { name: "portal/appointment.cancelled", data: appointmentIdOnly } as const;
export const appointmentRescheduled = {
  name: "portal/appointment.rescheduled",
  // Each reschedule is its own message, keyed by its history row (optional only for events queued before it existed).
  data: z.object({ appointmentId: z.uuid(), rescheduleId: z.uuid().optional() }),
} as const;

export const progressNoteCreated = {
  name: "portal/progress-note.created",
  data: z.object({ progressNoteId: z.uuid() }),
} as const;

/** A text asked to stop: its one confirmation text is due within 5 minutes (a delivery row, by id). */
export const textRevocationConfirmationDue = {
  name: "portal/text-revocation.confirmation-due",
  data: z.object({ deliveryId: z.uuid() }),
} as const;

/** Every event a domain write can put in the outbox. */
export const outboxEvents = [
  textRevocationConfirmationDue,
  recordingConsentRevoked,
  transcriptionConsentRevoked,
  appointmentBooked,
  appointmentCancelled,
  appointmentRescheduled,
  progressNoteCreated,
] as const;
type OutboxEventDefinition = (typeof outboxEvents)[number];
export type OutboxEventInput = {
  [K in OutboxEventDefinition["name"]]: { name: K; data: z.input<Extract<OutboxEventDefinition, { name: K }>["data"]> };
}[OutboxEventDefinition["name"]];

/**
 * A reminder's event id: the scan re-finds an unsent pair every run and Inngest drops the repeat; the appointment's
 * `updated_at` is part of it, so a pair re-found after the appointment changed (moved later and back) is a new event,
 * not one Inngest already consumed for a run that found it not yet due.
 */
export const reminderEventId = (appointmentId: string, kind: string, startsAt: Date, updatedAt: Date) =>
  `reminder-${appointmentId}-${kind}-${startsAt.getTime()}-${updatedAt.getTime()}`;

import { z } from "zod";
import { reminderKinds } from "@/lib/notifications/kinds";
import { inngest } from "./client";

// Event payloads carry ids only (DESIGN.md, invariant 7); names are portal/<entity>.<past-tense>.
export const recordingConsentRevoked = {
  name: "portal/patient.recording-consent-revoked",
  data: z.object({ patientId: z.string().min(1), ledgerEntryId: z.number().int().positive() }),
} as const;

export const reminderDue = {
  name: "portal/reminder.due",
  data: z.object({ appointmentId: z.uuid(), kind: z.enum(reminderKinds) }),
} as const;

const appointmentIdOnly = z.object({ appointmentId: z.uuid() });
export const appointmentBooked = { name: "portal/appointment.booked", data: appointmentIdOnly } as const;
export const appointmentCancelled = { name: "portal/appointment.cancelled", data: appointmentIdOnly } as const;
export const appointmentRescheduled = { name: "portal/appointment.rescheduled", data: appointmentIdOnly } as const;

/** Sends after the domain write has committed; a failure is logged (ids only) and left for a sweep. */
async function sendSafely(name: string, id: string, data: Record<string, unknown>): Promise<boolean> {
  try {
    await inngest.send({ id, name, data });
    return true;
  } catch (error) {
    console.error(`[events] ${name} ${id} not sent: ${(error as Error).name}`);
    return false;
  }
}

export function sendRecordingConsentRevoked(data: z.input<typeof recordingConsentRevoked.data>): Promise<boolean> {
  const payload = recordingConsentRevoked.data.parse(data);
  // A deterministic id: a retried send of the same withdrawal is one event.
  return sendSafely(recordingConsentRevoked.name, `recording-consent-revoked-${payload.ledgerEntryId}`, payload);
}

const appointmentEvents = { booked: appointmentBooked, cancelled: appointmentCancelled, rescheduled: appointmentRescheduled };

/** After the appointment change committed; the id makes a repeated send of the same change one event. */
export function sendAppointmentEvent(change: keyof typeof appointmentEvents, appointmentId: string, id: string): Promise<boolean> {
  const event = appointmentEvents[change];
  return sendSafely(event.name, id, event.data.parse({ appointmentId }));
}

export const progressNoteCreated = {
  name: "portal/progress-note.created",
  data: z.object({ progressNoteId: z.uuid() }),
} as const;

/** The id is the note's: the save and every sweep re-emission of it are one event to Inngest. */
export const progressNoteEventId = (noteId: string) => `progress-note-created-${noteId}`;

export function sendProgressNoteCreated(progressNoteId: string): Promise<boolean> {
  const payload = progressNoteCreated.data.parse({ progressNoteId });
  return sendSafely(progressNoteCreated.name, progressNoteEventId(progressNoteId), payload);
}

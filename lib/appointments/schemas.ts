import { z } from "zod";

const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Choose a date and time.");

export const bookAppointmentSchema = z.strictObject({
  patientId: z.string().min(1, "Choose a patient.").max(64),
  clinicianId: z.string().max(64).optional(),
  startsAt: localDateTime,
  durationMinutes: z.coerce
    .number({ error: "Choose a length." })
    .int()
    .min(10, "At least 10 minutes.")
    .max(240, "At most 4 hours."),
  modality: z.enum(["in_person", "telehealth"], { error: "Choose in person or video." }),
});

export const cancelAppointmentSchema = z.strictObject({ appointmentId: z.uuid("Unknown appointment.") });

export const rescheduleAppointmentSchema = z.strictObject({
  appointmentId: z.uuid("Unknown appointment."),
  startsAt: localDateTime,
});

import { z } from "zod";
import { plainText } from "@/lib/validation";
import { isRealLocalDateTime } from "@/lib/zoned-time";

// A real date and time, never normalised: "2027-12-32T25:61" is refused, not moved to 2 January 2028.
const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Choose a date and time.")
  .refine(isRealLocalDateTime, "That date or time does not exist.");

// An admin's override: a checkbox ("on" when ticked) and the reason, required by the rules when it is used.
const overrideFields = {
  override: z.literal("on").optional(),
  overrideReason: plainText({ max: 300, label: "The reason" }).optional(),
};

/** The override as the lifecycle takes it. */
export const overrideOf = (input: { override?: "on"; overrideReason?: string }) => ({
  requested: input.override === "on",
  reason: input.overrideReason,
});

export const bookAppointmentSchema = z.strictObject({
  patientId: z.uuid("Choose a patient."),
  // The clinician's own form has no such field; an admin's sends "" until one is chosen.
  clinicianId: z.union([z.literal("").transform(() => undefined), z.uuid("Choose a clinician.")]).optional(),
  startsAt: localDateTime,
  durationMinutes: z.coerce
    .number({ error: "Choose a length." })
    .int()
    .min(10, "At least 10 minutes.")
    .max(240, "At most 4 hours."),
  modality: z.enum(["in_person", "telehealth"], { error: "Choose in person or video." }),
  ...overrideFields,
});

export const cancelAppointmentSchema = z.strictObject({
  appointmentId: z.uuid("Unknown appointment."),
  // Optional; kept for admins, never sent to the patient.
  reason: plainText({ max: 200, multiline: true, label: "The reason" }).optional(),
});

export const rescheduleAppointmentSchema = z.strictObject({
  appointmentId: z.uuid("Unknown appointment."),
  startsAt: localDateTime,
  ...overrideFields,
});

// One text field per weekday ("08:00-12:00, 13:00-18:00"; blank for a day off), parsed by the lifecycle.
const dayText = plainText({ max: 200, label: "The hours" }).optional();
export const workingHoursSchema = z.strictObject({
  clinicianId: z.string().max(100).optional(),
  day0: dayText,
  day1: dayText,
  day2: dayText,
  day3: dayText,
  day4: dayText,
  day5: dayText,
  day6: dayText,
});

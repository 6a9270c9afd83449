import { z } from "zod";
import { plainText } from "@/lib/validation";

/** Blank lines and surrounding spaces are not content; the limits keep a note readable and an email sendable. */
const text = (label: string, max: number) =>
  z
    .string({ error: `Write the ${label}.` })
    .trim()
    .min(1, `Write the ${label}.`)
    .pipe(plainText({ max, multiline: true, label: `The ${label}` }));

export const progressNoteSchema = z.strictObject({
  appointmentId: z.uuid("Unknown appointment."),
  privateNote: text("private clinical note", 20_000),
  patientSummary: text("summary for the patient", 4_000),
  // The form sends "" for "this is a new note".
  correctsNoteId: z
    .union([z.literal("").transform(() => undefined), z.uuid("Choose a note from the list.")])
    .optional(),
});
export type ProgressNoteInput = z.output<typeof progressNoteSchema>;

import { z } from "zod";
import { readBodyText } from "@/lib/validation";

/**
 * The clinician's answers at the start; absent: the start page's boxes as they first show, recording's ticked and
 * transcription's unticked (transcription is off unless asked for).
 */
export const startRoomSchema = z.strictObject({
  recordingConsent: z.boolean().optional(),
  transcriptionConsent: z.boolean().optional(),
});
/** The patient's answers on joining ("Yes" / "Not this time"); absent: their stored consent stands. */
export const joinVisitSchema = z.strictObject({
  recordThisVisit: z.boolean().optional(),
  transcribeThisVisit: z.boolean().optional(),
});
/**
 * From the visit page: stop recording this visit, allow it again for this visit, or withdraw consent for all visits;
 * stop transcription this visit, or allow it again.
 */
export const visitRecordingSchema = z.strictObject({
  action: z.enum(["stop", "record", "withdraw", "stop-transcription", "transcribe"]),
});
/** From the clinician's session: resume recording, or transcription (only if everyone present has consented to it). */
export const sessionRecordingSchema = z.strictObject({ action: z.enum(["resume", "resume-transcription"]) });

/** A small JSON body checked against its schema (an empty body is `{}`), or the 4xx answer saying what is wrong. */
export async function readJsonInput<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T> | Response> {
  const text = await readBodyText(request);
  if (typeof text !== "string") return text;
  let body: unknown = {};
  try {
    if (text.trim() !== "") body = JSON.parse(text);
  } catch {
    return Response.json({ error: "The request body is not valid JSON." }, { status: 400 });
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    return Response.json({ error: parsed.error.issues[0]?.message ?? "Bad request." }, { status: 422 });
  return parsed.data;
}

/** The clinician invites a guest by email or text. */
export const inviteGuestSchema = z
  .strictObject({
    role: z.enum(["companion", "interpreter"]),
    email: z.email("Enter an email address.").max(254).optional(),
    phone: z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/, "Enter a phone number in international format, such as +15551234567.")
      .optional(),
  })
  .refine((invite) => Boolean(invite.email) !== Boolean(invite.phone), "Give an email address or a phone number.");

/**
 * The guest, opening their link: a name, their role (absent: the invite's), where they are, and their answers to the
 * recording and transcription questions (transcription absent: not answered, which never lets a room transcribe under
 * the all-party policy).
 */
export const redeemGuestSchema = z.strictObject({
  token: z.string().min(20).max(100),
  displayName: z.string().trim().min(1, "Enter your name.").max(80),
  role: z.enum(["companion", "interpreter"], "Choose companion or interpreter.").optional(),
  region: z
    .string()
    .regex(/^[A-Za-z]{2}$/, "Enter a two-letter state or region code.")
    .optional(),
  recordingConsent: z.boolean(),
  transcriptionConsent: z.boolean().optional(),
});

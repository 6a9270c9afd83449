import { z } from "zod";
import { plainText } from "@/lib/validation";

// What the two Twilio webhooks must carry. Twilio adds parameters without notice: unknown ones are ignored (and still
// signed), never refused. Every value here is covered by Twilio's signature, which the route checks first.

/** A Twilio resource SID: two capital letters and an id (34 characters in production: prefix and 32 hex digits). */
const sid = (name: string) =>
  z.string({ error: `${name} is missing.` }).regex(/^[A-Z]{2}[0-9A-Za-z]{1,62}$/, `${name} is not a Twilio SID.`);

/** An optional parameter: Twilio may send one empty, which counts as absent rather than as a wrong value. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

/** An inbound SMS or WhatsApp message (Programmable Messaging's incoming message webhook). */
export const inboundTextSchema = z.object({
  MessageSid: sid("MessageSid"),
  From: z.string({ error: "From is missing." }).trim().min(1, "From is missing.").max(64, "From is too long."),
  Body: z.string().optional(),
  OptOutType: z.string().max(32).optional(),
});
export type InboundText = z.output<typeof inboundTextSchema>;

/** A Twilio Video room status callback. */
export const roomCallbackSchema = z.object({
  RoomSid: sid("RoomSid"),
  StatusCallbackEvent: z
    .string({ error: "StatusCallbackEvent is missing." })
    .regex(/^[a-z]+(-[a-z]+)*$/, "StatusCallbackEvent is not a Twilio event name.")
    .max(64, "StatusCallbackEvent is not a Twilio event name."),
  SequenceNumber: optional(z.string().regex(/^\d{1,12}$/, "SequenceNumber is not a number.")),
  Timestamp: optional(z.string().max(64, "Timestamp is too long.")),
  RecordingSid: optional(sid("RecordingSid")),
  ParticipantSid: optional(sid("ParticipantSid")),
  TrackSid: optional(sid("TrackSid")),
  ParticipantIdentity: optional(plainText({ max: 256, label: "ParticipantIdentity" })),
});
export type RoomCallback = z.output<typeof roomCallbackSchema>;

/** The first problem with the parameters, as the 400 answer's message. */
export function firstProblem(error: z.ZodError): string {
  return error.issues[0]?.message ?? "The request is missing required parameters.";
}

/** A Programmable Messaging status callback (the StatusCallback of a message the portal sent). */
export const messageStatusSchema = z.object({
  MessageSid: sid("MessageSid"),
  MessageStatus: z
    .string({ error: "MessageStatus is missing." })
    .regex(/^[a-z-]{1,32}$/, "MessageStatus is not a Twilio status."),
  ErrorCode: optional(z.string().regex(/^\d{1,8}$/, "ErrorCode is not a number.")),
  To: optional(z.string().max(64, "To is too long.")),
});
export type MessageStatusCallback = z.output<typeof messageStatusSchema>;

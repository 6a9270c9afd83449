import { z } from "zod";
import { plainText } from "@/lib/validation";
import { consentFields } from "./consent-kinds";
import { timeZoneNames } from "./time-zones";

/** A checkbox as forms send it: present ("on") or absent; anything else is a wrong type. */
const checkbox = z
  .enum(["on", "true", "off", "false"], { error: "Must be on or off." })
  .optional()
  .transform((value) => value === "on" || value === "true");

export const notificationPreferencesSchema = z.strictObject({
  emailNotifications: checkbox,
  textMessages: checkbox,
  textChannel: z.enum(["sms", "whatsapp"], { error: "Choose SMS or WhatsApp." }).default("sms"),
  whatsappOptIn: checkbox,
  appointmentReminders: checkbox,
});
export type NotificationPreferences = z.output<typeof notificationPreferencesSchema>;

// The settings page's list, and whatever this server's ICU lists: a listed zone is never refused where Node's ICU differs.
const supportedTimeZones = new Set([...timeZoneNames, ...Intl.supportedValuesOf("timeZone")]);

export const contactSchema = z.strictObject({
  phone: plainText({ max: 32, label: "The number" }).default(""),
  timeZone: z
    .string()
    .max(64, "Choose a time zone from the list.")
    .refine((zone) => supportedTimeZones.has(zone), "Choose a time zone from the list."),
});
export type ContactInput = z.output<typeof contactSchema>;

/** The Contact section's form: the number alone, read in the patient's stored region. */
export const mobileNumberSchema = contactSchema.pick({ phone: true });
/** The Time zone section's form: the zone alone. */
export const timeZoneSchema = contactSchema.pick({ timeZone: true });

export const consentFieldSchema = z.enum(consentFields, { error: "Unknown consent." });

export const consentDecisionSchema = z
  .strictObject({
    consent: consentFieldSchema,
    decision: z.enum(["give", "withdraw"], { error: "Choose to give or withdraw." }),
    version: plainText({ max: 64, label: "The version" }),
    confirm: checkbox,
    /** the electronic signature: the patient's full name, typed */
    signedName: plainText({ max: 200, label: "The name" }).default(""),
  })
  .superRefine((input, ctx) => {
    if (input.decision === "give" && !input.confirm) {
      ctx.addIssue({
        code: "custom",
        path: ["confirm"],
        message: "Tick the box to confirm you have read the consent.",
      });
    }
    if (input.decision === "give" && !input.signedName) {
      ctx.addIssue({ code: "custom", path: ["signedName"], message: "Type your full name to sign the consent." });
    }
  });
export type ConsentDecision = z.output<typeof consentDecisionSchema>;

/** All three blank removes the contact; otherwise name and email are required. */
export const careContactSchema = z
  .strictObject({
    careContactName: plainText({ max: 100, label: "The name" }).default(""),
    careContactRelationship: plainText({ max: 60, label: "The relationship" }).default(""),
    careContactEmail: plainText({ max: 254, label: "The email address" }).toLowerCase().default(""),
  })
  .superRefine((input, ctx) => {
    const removing = !input.careContactName && !input.careContactRelationship && !input.careContactEmail;
    if (removing) return;
    if (!input.careContactName)
      ctx.addIssue({ code: "custom", path: ["careContactName"], message: "Enter your care contact's name." });
    if (!z.email().safeParse(input.careContactEmail).success) {
      ctx.addIssue({
        code: "custom",
        path: ["careContactEmail"],
        message: "Enter a valid email address, like name@example.com.",
      });
    }
  })
  .transform((input) => ({
    careContactName: input.careContactName || null,
    careContactRelationship: input.careContactRelationship || null,
    careContactEmail: input.careContactEmail || null,
  }));
export type CareContactInput = z.output<typeof careContactSchema>;

/** The matrix form sends all nine boxes: a box left out is off. */
export const notificationMatrixSchema = z.strictObject({
  appointmentUpdatesEmail: checkbox,
  appointmentUpdatesText: checkbox,
  remindersEmail: checkbox,
  remindersText: checkbox,
  progressUpdatesEmail: checkbox,
  progressUpdatesText: checkbox,
  reminder24h: checkbox,
  reminder1h: checkbox,
  reminder15m: checkbox,
});
export type NotificationMatrix = z.output<typeof notificationMatrixSchema>;

const clock = z
  .string()
  .trim()
  .max(5, "Enter a time like 09:00.")
  .refine((value) => value === "" || /^([01]\d|2[0-3]):[0-5]\d$/.test(value), "Enter a time like 09:00.")
  .default("");

/** The patient's own hours for texts: both blank means the clinic's; otherwise both, start before end. */
export const textHoursSchema = z
  .strictObject({ textHoursStart: clock, textHoursEnd: clock })
  .superRefine((input, ctx) => {
    if (!input.textHoursStart !== !input.textHoursEnd) {
      const path = input.textHoursStart ? "textHoursEnd" : "textHoursStart";
      ctx.addIssue({ code: "custom", path: [path], message: "Enter both times, or leave both blank." });
    } else if (input.textHoursStart && input.textHoursStart >= input.textHoursEnd) {
      ctx.addIssue({ code: "custom", path: ["textHoursEnd"], message: "The end must be after the start." });
    }
  })
  .transform((input) => ({
    textHoursStart: input.textHoursStart || null,
    textHoursEnd: input.textHoursEnd || null,
  }));
export type TextHoursInput = z.output<typeof textHoursSchema>;

/** Staff recording a patient's request to stop something, and how the patient asked. */
export const staffRequestSchema = z
  .object({
    patientEmail: z.email({ error: "Enter the patient's email address." }).max(254),
    request: z.enum(["texts_off", "email_off", "reminders_off"], { error: "Choose what the patient asked to stop." }),
    means: z.enum(["phone", "in_person", "letter", "email"], { error: "Choose how the patient asked." }),
  })
  .strict();

/** Staff resolving a staff-inbox message. */
export const resolveInboxSchema = z
  .object({
    messageId: z.uuid({ error: "That message does not exist." }),
    outcome: z.enum(["texts_off", "no_change"], { error: "Choose what the patient wanted." }),
  })
  .strict();

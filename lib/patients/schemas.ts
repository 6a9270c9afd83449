import { z } from "zod";
import { plainText } from "@/lib/validation";
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

export const consentFieldSchema = z.enum(["recordingConsent", "progressSharingConsent"], { error: "Unknown consent." });

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

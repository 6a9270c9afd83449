import { z } from "zod";
import { consentTexts } from "./consent-texts";

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

const supportedTimeZones = new Set([...Intl.supportedValuesOf("timeZone"), "UTC"]);

export const contactSchema = z.strictObject({
  phone: z.string().trim().max(32, "That number is too long.").default(""),
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
    version: z.string().max(64),
    confirm: checkbox,
  })
  .superRefine((input, ctx) => {
    if (input.decision === "give" && !input.confirm) {
      ctx.addIssue({ code: "custom", path: ["confirm"], message: "Tick the box to confirm you have read the consent." });
    }
    if (input.decision === "give" && input.version !== consentTexts[input.consent].version) {
      ctx.addIssue({ code: "custom", path: ["version"], message: "The consent text has changed. Please read the new version." });
    }
  });
export type ConsentDecision = z.output<typeof consentDecisionSchema>;

import { z } from "zod";
import { accessKindNames } from "@/lib/access/kinds";
import { deliveryKinds } from "@/lib/notifications/kinds";
import { providerStatuses } from "@/lib/notifications/provider-status";
import { fieldLabels } from "@/lib/patients/fields";
import { plainText } from "@/lib/validation";

// Each admin list's own filters, shared by its page and its CSV export. Unknown values are dropped, not refused.
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

export const deliveryFields = {
  kind: optional(z.enum(deliveryKinds)),
  channel: optional(z.enum(["email", "sms", "whatsapp"])),
  status: optional(z.enum(["pending", "sent", "skipped", "failed", "deferred"])),
  delivery: optional(z.enum(providerStatuses)),
};
export const ledgerFields = { field: optional(z.enum(Object.keys(fieldLabels) as [string, ...string[]])) };
export const sharingFields = { sharing: optional(z.enum(["pending", "shared", "skipped"])) };
export const videoFields = { recording: optional(z.enum(["on", "off"])) };
export const appointmentFields = { status: optional(z.enum(["scheduled", "cancelled", "completed"])) };
export const accessFields = {
  staff: optional(plainText({ max: 254 })),
  what: optional(z.enum(accessKindNames)),
  role: optional(z.enum(["clinician", "admin"])),
  csv: optional(z.enum(["yes"])),
};

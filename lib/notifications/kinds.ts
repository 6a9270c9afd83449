export const messageKinds = [
  "confirmation",
  "reminder_24h",
  "reminder_1h",
  "reminder_15m",
  "cancellation",
  "rescheduled",
] as const;
export type MessageKind = (typeof messageKinds)[number];

export const reminderKinds = ["reminder_24h", "reminder_1h", "reminder_15m"] as const;
export type ReminderKind = (typeof reminderKinds)[number];

export const isReminder = (kind: MessageKind): kind is ReminderKind =>
  (reminderKinds as readonly string[]).includes(kind);

const MINUTE = 60_000;

/**
 * When each reminder is useful, as offsets before the start: due from `opensBefore`, still worth sending until
 * `closesBefore` (the next reminder takes over). After downtime a reminder inside its window still goes out.
 */
export const reminderWindows: Record<ReminderKind, { opensBefore: number; closesBefore: number }> = {
  reminder_24h: { opensBefore: 24 * 60 * MINUTE, closesBefore: 60 * MINUTE },
  reminder_1h: { opensBefore: 60 * MINUTE, closesBefore: 15 * MINUTE },
  reminder_15m: { opensBefore: 15 * MINUTE, closesBefore: 0 },
};

export type Channel = "email" | "sms" | "whatsapp";
/** The channels a message is offered on: email, and one text (SMS or WhatsApp, as the patient chose). */
export const logicalChannels = ["email", "text"] as const;
export type LogicalChannel = (typeof logicalChannels)[number];

/** Progress notes: the patient is told an update exists (never its content); the care contact receives the summary. */
export const progressKinds = ["progress_update", "progress_share"] as const;
export type ProgressKind = (typeof progressKinds)[number];

/** The one text a revocation may bring (47 CFR 64.1200(a)(12)): how to resume and how to reach the clinic. */
export const complianceKinds = ["revocation_confirmation"] as const;
export type ComplianceKind = (typeof complianceKinds)[number];

/** Every kind a delivery record can have. */
export type DeliveryKind = MessageKind | ProgressKind | ComplianceKind;
export const deliveryKinds = [...messageKinds, ...progressKinds, ...complianceKinds] as const;

/** What a patient chooses per channel: appointment updates, reminders, progress updates (the matrix on /settings). */
export const categories = ["appointmentUpdates", "reminders", "progressUpdates"] as const;
export type Category = (typeof categories)[number];

/**
 * The patient's category for a kind; null for the care contact's copy and the revocation confirmation, which the
 * patient's matrix does not govern.
 */
export function categoryOf(kind: DeliveryKind): Category | null {
  if (isReminder(kind as MessageKind)) return "reminders";
  if (kind === "progress_update") return "progressUpdates";
  if (kind === "progress_share" || kind === "revocation_confirmation") return null;
  return "appointmentUpdates";
}

/** The profile column of each matrix cell, e.g. remindersText. */
export const matrixField = (category: Category, channel: LogicalChannel) =>
  `${category}${channel === "email" ? "Email" : "Text"}` as const;
export type MatrixField = ReturnType<typeof matrixField>;
export const matrixFields = categories.flatMap((category) =>
  logicalChannels.map((channel) => matrixField(category, channel)),
) as MatrixField[];

/** The profile column that says whether the patient wants each reminder. */
export const reminderField = {
  reminder_24h: "reminder24h",
  reminder_1h: "reminder1h",
  reminder_15m: "reminder15m",
} as const;
export type ReminderField = (typeof reminderField)[ReminderKind];

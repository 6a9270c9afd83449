import {
  isReminder,
  reminderWindows,
  type Channel,
  type LogicalChannel,
  type MessageKind,
  type ProgressKind,
} from "./kinds";

export type DecisionInput = {
  kind: MessageKind;
  channel: LogicalChannel;
  now: Date;
  patient: {
    emailNotifications: boolean;
    textMessages: boolean;
    textChannel: "sms" | "whatsapp";
    whatsappOptIn: boolean;
    appointmentReminders: boolean;
    phoneE164: string | null;
    /** set when an admin deactivated the patient: nothing is ever sent to them */
    deactivatedAt?: Date | null;
  };
  appointment: {
    status: "scheduled" | "cancelled" | "completed";
    startsAt: Date;
    durationMinutes: number;
    createdAt: Date;
  };
  /** a reschedule message whose change a later reschedule replaced (that one's message tells the current time) */
  superseded?: boolean;
};

export type Decision =
  | { action: "send"; channel: Channel }
  | { action: "skip"; channel: Channel; reason: SkipReason }
  /** not yet due for the appointment's current time (e.g. it moved later): nothing is recorded */
  | { action: "wait" };

export type SkipReason =
  | "email_disabled"
  | "texts_disabled"
  | "no_phone"
  | "whatsapp_not_opted_in"
  | "reminders_disabled"
  | "appointment_cancelled"
  | "appointment_past"
  | "window_passed"
  | "booked_inside_window"
  | "superseded"
  | "no_sharing_consent"
  | "no_care_contact"
  | "consent_version_lapsed"
  | "deactivated";

/** Every reason a delivery record can carry: a skip's, or why a send failed. */
export type DeliveryReason = SkipReason | "transient_error" | "permanent_error";

type ChannelPreferences = DecisionInput["patient"];

const resolveChannel = (channel: LogicalChannel, patient: ChannelPreferences): Channel =>
  channel === "email" ? "email" : patient.textChannel;
const skipper =
  (channel: LogicalChannel, patient: ChannelPreferences) =>
  (reason: SkipReason): Decision => ({
    action: "skip",
    channel: resolveChannel(channel, patient),
    reason,
  });

/** DESIGN.md's table, as one pure function of the rows read at send time. */
export function decide({ kind, channel, now, patient, appointment, superseded }: DecisionInput): Decision {
  const skip = skipper(channel, patient);

  if (isReminder(kind)) {
    const window = reminderWindows[kind];
    const start = appointment.startsAt.getTime();
    if (now.getTime() < start - window.opensBefore) return { action: "wait" };
    if (patient.deactivatedAt) return skip("deactivated");
    if (appointment.status === "cancelled") return skip("appointment_cancelled");
    if (now.getTime() >= start - window.closesBefore) return skip("window_passed");
    if (appointment.createdAt.getTime() > start - window.opensBefore) return skip("booked_inside_window");
    if (!patient.appointmentReminders) return skip("reminders_disabled");
  } else {
    if (patient.deactivatedAt) return skip("deactivated");
    if (kind !== "cancellation" && appointment.status === "cancelled") return skip("appointment_cancelled");
    const ended = appointment.startsAt.getTime() + appointment.durationMinutes * 60_000 <= now.getTime();
    if (ended && kind !== "cancellation") return skip("appointment_past");
    if (kind === "rescheduled" && superseded) return skip("superseded");
  }

  return byChannelPreference(channel, patient);
}

/** The patient's own channel choices, the last check for every message to the patient. */
function byChannelPreference(channel: LogicalChannel, patient: ChannelPreferences): Decision {
  const resolved = resolveChannel(channel, patient);
  const skip = skipper(channel, patient);
  if (channel === "email")
    return patient.emailNotifications ? { action: "send", channel: "email" } : skip("email_disabled");
  if (!patient.textMessages) return skip("texts_disabled");
  if (!patient.phoneE164) return skip("no_phone");
  if (resolved === "whatsapp" && !patient.whatsappOptIn) return skip("whatsapp_not_opted_in");
  return { action: "send", channel: resolved };
}

export type ProgressDecisionInput = {
  kind: ProgressKind;
  channel: LogicalChannel;
  patient: ChannelPreferences & {
    progressSharingConsent: boolean;
    /** the consent was given to a text version that a newer version has lapsed */
    progressSharingConsentLapsed?: boolean;
    careContactEmail: string | null;
  };
};

/**
 * A progress note: the patient hears of it as their channel choices allow; the care contact receives the summary by
 * email only with progress sharing consent and a named contact, read now (a withdrawal stops every share not yet sent).
 */
export function decideProgress({ kind, channel, patient }: ProgressDecisionInput): Decision {
  if (patient.deactivatedAt)
    return { action: "skip", channel: resolveChannel(channel, patient), reason: "deactivated" };
  if (kind === "progress_update") return byChannelPreference(channel, patient);
  if (channel !== "email") throw new Error("Progress summaries are shared by email only");
  if (!patient.progressSharingConsent) return { action: "skip", channel: "email", reason: "no_sharing_consent" };
  if (patient.progressSharingConsentLapsed)
    return { action: "skip", channel: "email", reason: "consent_version_lapsed" };
  if (!patient.careContactEmail) return { action: "skip", channel: "email", reason: "no_care_contact" };
  return { action: "send", channel: "email" };
}

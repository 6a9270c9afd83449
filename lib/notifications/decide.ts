import { capAllows } from "./caps";
import {
  categoryOf,
  isReminder,
  matrixField,
  reminderField,
  reminderKinds,
  reminderWindows,
  type Category,
  type Channel,
  type LogicalChannel,
  type MatrixField,
  type MessageKind,
  type ProgressKind,
  type ReminderField,
} from "./kinds";
import { effectiveTextHours, parseHours, type NotificationPolicy } from "./policy";
import { firstAllowedMoment } from "./quiet-hours";
import { phoneRegionOf } from "@/lib/patients/phone-region";

export type PatientChoices = {
  emailNotifications: boolean;
  textMessages: boolean;
  textChannel: "sms" | "whatsapp";
  whatsappOptIn: boolean;
  appointmentReminders: boolean;
  phoneE164: string | null;
  timeZone: string;
  country: string | null;
  region: string | null;
  textHoursStart: string | null;
  textHoursEnd: string | null;
  /** set when an admin deactivated the patient: nothing is ever sent to them */
  deactivatedAt?: Date | null;
} & Record<MatrixField | ReminderField, boolean>;

/** The clinic's policy and the texts already counted against its caps (moments they went, newest week or so). */
export type TextPolicyInput = { policy?: NotificationPolicy; textsSent?: Date[] };

export type DecisionInput = TextPolicyInput & {
  kind: MessageKind;
  channel: LogicalChannel;
  now: Date;
  patient: PatientChoices;
  appointment: {
    status: "scheduled" | "cancelled" | "completed";
    startsAt: Date;
    durationMinutes: number;
    createdAt: Date;
  };
  /**
   * a reschedule message whose change a later reschedule replaced, or a confirmation of a visit rescheduled since it was
   * booked: the later reschedule's message tells the current time
   */
  superseded?: boolean;
};

export type Decision =
  | { action: "send"; channel: Channel }
  | { action: "skip"; channel: Channel; reason: SkipReason }
  /** a text inside quiet hours that can still go in time: it goes at `until` (the first allowed moment) */
  | { action: "defer"; channel: Channel; until: Date }
  /** not yet due for the appointment's current time (e.g. it moved later): nothing is recorded */
  | { action: "wait" };

export type SkipReason =
  | "email_disabled"
  | "texts_disabled"
  | "no_phone"
  | "whatsapp_not_opted_in"
  | "reminders_disabled"
  | "reminder_kind_disabled"
  | "category_disabled"
  | "quiet_hours"
  | "frequency_cap"
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

const resolveChannel = (channel: LogicalChannel, patient: PatientChoices): Channel =>
  channel === "email" ? "email" : patient.textChannel;
const skipper =
  (channel: LogicalChannel, patient: PatientChoices) =>
  (reason: SkipReason): Decision => ({
    action: "skip",
    channel: resolveChannel(channel, patient),
    reason,
  });

/** DESIGN.md's table, as one pure function of the rows read at send time (and, for texts, the clinic's policy). */
export function decide(input: DecisionInput): Decision {
  const { kind, channel, now, patient, appointment, superseded } = input;
  const skip = skipper(channel, patient);
  const start = appointment.startsAt.getTime();
  // The last moment the message is still useful: a reminder's window, else the start of the visit.
  let deadline = start;

  if (isReminder(kind)) {
    const window = reminderWindows[kind];
    if (now.getTime() < start - window.opensBefore) return { action: "wait" };
    if (patient.deactivatedAt) return skip("deactivated");
    if (appointment.status === "cancelled") return skip("appointment_cancelled");
    deadline = start - window.closesBefore;
    if (now.getTime() >= deadline) return skip("window_passed");
    if (appointment.createdAt.getTime() > start - window.opensBefore) return skip("booked_inside_window");
    if (!patient.appointmentReminders) return skip("reminders_disabled");
    if (!patient[reminderField[kind]]) return skip("reminder_kind_disabled");
  } else {
    if (patient.deactivatedAt) return skip("deactivated");
    if (kind !== "cancellation" && appointment.status === "cancelled") return skip("appointment_cancelled");
    const ended = start + appointment.durationMinutes * 60_000 <= now.getTime();
    if (ended && kind !== "cancellation") return skip("appointment_past");
    if ((kind === "rescheduled" || kind === "confirmation") && superseded) return skip("superseded");
  }

  const decision = byChannelPreference(channel, patient, categoryOf(kind));
  if (decision.action !== "send" || decision.channel === "email") return decision;
  const held = isReminder(kind) && input.policy?.textCaps ? laterReminderTexts(input) : [];
  return byTextPolicy(decision, { ...input, deadline: new Date(deadline), held });
}

/**
 * "Reminders closest to the visit first": the texts this appointment's later reminders will send, which a cap must
 * leave room for. Each is decided by this same function at its own moment (without caps, so no recursion).
 */
function laterReminderTexts(input: DecisionInput): Date[] {
  const kind = input.kind as (typeof reminderKinds)[number];
  const later = reminderKinds.slice(reminderKinds.indexOf(kind) + 1);
  const policy = input.policy && { ...input.policy, textCaps: null };
  return later.flatMap((laterKind) => {
    const due = new Date(input.appointment.startsAt.getTime() - reminderWindows[laterKind].opensBefore);
    const decision = decide({ ...input, kind: laterKind, now: due, policy, textsSent: [] });
    if (decision.action === "send") return [due];
    return decision.action === "defer" ? [decision.until] : [];
  });
}

/** The patient's own channel choices, then the matrix: the last preference check for every message to the patient. */
function byChannelPreference(channel: LogicalChannel, patient: PatientChoices, category: Category | null): Decision {
  const resolved = resolveChannel(channel, patient);
  const skip = skipper(channel, patient);
  const wanted = category === null || patient[matrixField(category, channel)];
  if (channel === "email") {
    if (!patient.emailNotifications) return skip("email_disabled");
    return wanted ? { action: "send", channel: "email" } : skip("category_disabled");
  }
  if (!patient.textMessages) return skip("texts_disabled");
  if (!wanted) return skip("category_disabled");
  if (!patient.phoneE164) return skip("no_phone");
  if (resolved === "whatsapp" && !patient.whatsappOptIn) return skip("whatsapp_not_opted_in");
  return { action: "send", channel: resolved };
}

/** Quiet hours in the patient's zone (deferred inside the message's useful time, else skipped), then the caps. */
function byTextPolicy(
  decision: { action: "send"; channel: Channel },
  input: TextPolicyInput & { now: Date; patient: PatientChoices; deadline: Date | null; held: Date[] },
): Decision {
  const { policy, patient, now } = input;
  if (!policy) return decision;
  const skip = (reason: SkipReason): Decision => ({ action: "skip", channel: decision.channel, reason });
  const own =
    patient.textHoursStart && patient.textHoursEnd
      ? parseHours(`${patient.textHoursStart}-${patient.textHoursEnd}`)
      : null;
  // The stored country, else the time zone's: overlays by country apply to a patient who never set one.
  const where = { country: phoneRegionOf(patient) ?? null, region: patient.region };
  const hours = effectiveTextHours(policy, where, own);
  if (!hours) return skip("quiet_hours");
  const allowedAt = firstAllowedMoment(now, patient.timeZone, hours);
  if (allowedAt > now) {
    if (input.deadline && allowedAt >= input.deadline) return skip("quiet_hours");
    return { action: "defer", channel: decision.channel, until: allowedAt };
  }
  if (
    policy.textCaps &&
    !capAllows(now, patient.timeZone, policy.textCaps, [...(input.textsSent ?? []), ...input.held])
  )
    return skip("frequency_cap");
  return decision;
}

export type ProgressDecisionInput = TextPolicyInput & {
  kind: ProgressKind;
  channel: LogicalChannel;
  now: Date;
  patient: PatientChoices & {
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
export function decideProgress(input: ProgressDecisionInput): Decision {
  const { kind, channel, patient } = input;
  if (patient.deactivatedAt)
    return { action: "skip", channel: resolveChannel(channel, patient), reason: "deactivated" };
  if (kind === "progress_update") {
    const decision = byChannelPreference(channel, patient, "progressUpdates");
    if (decision.action !== "send" || decision.channel === "email") return decision;
    return byTextPolicy(decision, { ...input, deadline: null, held: [] });
  }
  if (channel !== "email") throw new Error("Progress summaries are shared by email only");
  if (!patient.progressSharingConsent) return { action: "skip", channel: "email", reason: "no_sharing_consent" };
  if (patient.progressSharingConsentLapsed)
    return { action: "skip", channel: "email", reason: "consent_version_lapsed" };
  if (!patient.careContactEmail) return { action: "skip", channel: "email", reason: "no_care_contact" };
  return { action: "send", channel: "email" };
}

import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import type { ConsentField } from "@/lib/patients/consent-kinds";
import type { DeliveryKind } from "@/lib/notifications/kinds";
import type { DeliveryReason } from "@/lib/notifications/decide";
import type { ProviderStatus } from "@/lib/notifications/provider-status";
import type { RosterAction } from "@/lib/roster/actions";
import type {
  GuardAction,
  ParticipantRole,
  RecordingDeletionReason,
  RecordingReason,
  RuleCause,
  VideoSessionStatus,
} from "@/lib/video/types";

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const createdAt = () => tstz("created_at").defaultNow().notNull();
const updatedAt = () =>
  tstz("updated_at")
    .defaultNow()
    .notNull()
    .$onUpdate(() => new Date());

export const roleEnum = pgEnum("role", ["patient", "clinician", "admin"]);
export const textChannelEnum = pgEnum("text_channel", ["sms", "whatsapp"]);
export const modalityEnum = pgEnum("appointment_modality", ["in_person", "telehealth"]);
export const appointmentStatusEnum = pgEnum("appointment_status", ["scheduled", "cancelled", "completed"]);
export const channelEnum = pgEnum("channel", ["email", "sms", "whatsapp"]);
export const deliveryStatusEnum = pgEnum("delivery_status", ["pending", "sent", "skipped", "failed", "deferred"]);
export const ledgerActorEnum = pgEnum("ledger_actor", [
  "patient",
  "staff",
  "sms_stop",
  "unsubscribe_link",
  "system",
  "inbound_sms",
  "inbound_whatsapp",
  "email_complaint",
  "twilio_unsubscribed",
]);
/** How a patient asked staff for a change made on their behalf (the ledger names it; the patient's history says it). */
export const requestMeansEnum = pgEnum("request_means", ["phone", "in_person", "letter", "email", "text_reply"]);
export const sharingStatusEnum = pgEnum("sharing_status", ["pending", "shared", "skipped"]);

// ---- Auth.js tables (shape required by @auth/drizzle-adapter) ----

export const users = pgTable("users", {
  id: text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID()),
  name: text("name"),
  email: text("email").notNull().unique(),
  emailVerified: tstz("email_verified"),
  image: text("image"),
  role: roleEnum("role").notNull().default("patient"),
  /** set when an admin deactivates the person: no sign-in, no session, no message (lib/roster) */
  deactivatedAt: tstz("deactivated_at"),
  createdAt: createdAt(),
});

export const accounts = pgTable(
  "accounts",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

export const sessions = pgTable(
  "sessions",
  {
    sessionToken: text("session_token").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expires: tstz("expires").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: tstz("expires").notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

// Fixed-window counters for sign-in requests, shared by every app process.
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").notNull(),
    windowStart: tstz("window_start").notNull(),
    hits: integer("hits").notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

// ---- People ----

export const patientProfiles = pgTable("patient_profiles", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  firstName: text("first_name").notNull(),
  lastName: text("last_name").notNull(),
  phoneE164: text("phone_e164"),
  timeZone: text("time_zone").notNull().default("UTC"),
  /** ISO 3166-1 alpha-2; national phone numbers are read in it (when null: the time zone's country) */
  country: text("country"),
  /** state or region within the country (e.g. "FL"), for rules that differ by region */
  region: text("region"),
  emailNotifications: boolean("email_notifications").notNull().default(true),
  textMessages: boolean("text_messages").notNull().default(false),
  textChannel: textChannelEnum("text_channel").notNull().default("sms"),
  whatsappOptIn: boolean("whatsapp_opt_in").notNull().default(false),
  appointmentReminders: boolean("appointment_reminders").notNull().default(true),
  // The matrix (category × channel, and which reminders) refines the switches above; all on sends what they allow.
  appointmentUpdatesEmail: boolean("appointment_updates_email").notNull().default(true),
  appointmentUpdatesText: boolean("appointment_updates_text").notNull().default(true),
  remindersEmail: boolean("reminders_email").notNull().default(true),
  remindersText: boolean("reminders_text").notNull().default(true),
  progressUpdatesEmail: boolean("progress_updates_email").notNull().default(true),
  progressUpdatesText: boolean("progress_updates_text").notNull().default(true),
  reminder24h: boolean("reminder_24h").notNull().default(true),
  reminder1h: boolean("reminder_1h").notNull().default(true),
  reminder15m: boolean("reminder_15m").notNull().default(true),
  /** the patient's own narrower hours for texts ("HH:MM", local); null: the clinic's policy */
  textHoursStart: text("text_hours_start"),
  textHoursEnd: text("text_hours_end"),
  recordingConsent: boolean("recording_consent").notNull().default(false),
  recordingConsentVersion: text("recording_consent_version"),
  recordingConsentChangedAt: tstz("recording_consent_changed_at"),
  progressSharingConsent: boolean("progress_sharing_consent").notNull().default(false),
  progressSharingConsentVersion: text("progress_sharing_consent_version"),
  progressSharingConsentChangedAt: tstz("progress_sharing_consent_changed_at"),
  /** real-time transcription of video visits (and any later AI scribe): a consent of its own, off by default */
  transcriptionConsent: boolean("transcription_consent").notNull().default(false),
  transcriptionConsentVersion: text("transcription_consent_version"),
  transcriptionConsentChangedAt: tstz("transcription_consent_changed_at"),
  careContactName: text("care_contact_name"),
  careContactRelationship: text("care_contact_relationship"),
  careContactEmail: text("care_contact_email"),
  /** the email address that hard-bounced (the banner shows while it is still the patient's address) */
  emailBouncedAddress: text("email_bounced_address"),
  emailBouncedAt: tstz("email_bounced_at"),
  /** the number a provider called a landline or unreachable, and the provider's code (flag holds while it is current) */
  phoneUnreachableNumber: text("phone_unreachable_number"),
  phoneUnreachableCode: text("phone_unreachable_code"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const clinicians = pgTable("clinicians", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  displayName: text("display_name").notNull(),
  timeZone: text("time_zone").notNull().default("UTC"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

// ---- Working hours and scheduling audit ----

/** A clinician's working interval on one weekday, wall-clock minutes in their own zone; several a day allowed. */
export const workingHours = pgTable(
  "working_hours",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicianId: text("clinician_id")
      .notNull()
      .references(() => clinicians.userId, { onDelete: "cascade" }),
    /** 0 = Sunday … 6 = Saturday, as Date.getDay() */
    weekday: integer("weekday").notNull(),
    startMinute: integer("start_minute").notNull(),
    /** up to 1440 (24:00), always after the start */
    endMinute: integer("end_minute").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("working_hours_clinician_idx").on(t.clinicianId, t.weekday),
    check("working_hours_weekday_check", sql`${t.weekday} between 0 and 6`),
    check(
      "working_hours_interval_check",
      sql`${t.startMinute} >= 0 and ${t.endMinute} <= 1440 and ${t.startMinute} < ${t.endMinute}`,
    ),
  ],
);

/** Append-only: working-hours changes and bookings or moves an admin made against the rules, with the stated reason. */
export const scheduleAudit = pgTable(
  "schedule_audit",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    actorId: text("actor_id")
      .notNull()
      .references(() => users.id),
    clinicianId: text("clinician_id")
      .notNull()
      .references(() => users.id),
    appointmentId: uuid("appointment_id").references(() => appointments.id),
    action: text("action").$type<ScheduleAuditAction>().notNull(),
    reason: text("reason"),
    /** rule codes and ids only (never names or notes): e.g. { overridden: ["overlap"], overlapsWith: [id] } */
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    index("schedule_audit_clinician_idx").on(t.clinicianId, t.createdAt),
    index("schedule_audit_appointment_idx").on(t.appointmentId),
  ],
);

export type ScheduleAuditAction = "working_hours.updated" | "booking.override" | "reschedule.override";
export type OutboxAttachment = { filename: string; contentType: string; content: string };

// Which clinicians a patient sees: a clinician books (and picks) only these patients; an admin books anyone.
export const patientClinicians = pgTable(
  "patient_clinicians",
  {
    patientId: text("patient_id")
      .notNull()
      .references(() => users.id),
    clinicianId: text("clinician_id")
      .notNull()
      .references(() => users.id),
    assignedBy: text("assigned_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.patientId, t.clinicianId] }),
    index("patient_clinicians_clinician_idx").on(t.clinicianId),
  ],
);

// Every roster change (invite, import, deactivate, reactivate, assign, unassign, first admin): append-only, a trigger
// refuses updates and deletes. `details` names what changed; the actor is null for the admin:create command.
export const rosterAudit = pgTable(
  "roster_audit",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    actorId: text("actor_id").references(() => users.id),
    action: text("action").$type<RosterAction>().notNull(),
    subjectId: text("subject_id").references(() => users.id),
    details: jsonb("details").$type<Record<string, string | number | boolean | null>>().notNull(),
    requestHash: text("request_hash"),
    createdAt: createdAt(),
  },
  (t) => [
    index("roster_audit_created_idx").on(t.createdAt),
    index("roster_audit_subject_idx").on(t.subjectId, t.createdAt),
  ],
);

// ---- Appointments ----

export const appointments = pgTable(
  "appointments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    patientId: text("patient_id")
      .notNull()
      .references(() => users.id),
    clinicianId: text("clinician_id")
      .notNull()
      .references(() => users.id),
    startsAt: tstz("starts_at").notNull(),
    durationMinutes: integer("duration_minutes").notNull().default(30),
    modality: modalityEnum("modality").notNull(),
    status: appointmentStatusEnum("status").notNull().default("scheduled"),
    /** who booked it (a clinician or an admin); null for rows from before it was recorded, and for the seed */
    bookedBy: text("booked_by").references(() => users.id),
    cancelledAt: tstz("cancelled_at"),
    cancelledBy: text("cancelled_by").references(() => users.id),
    /** the reason given when cancelling, if any (shown to admins, never sent to the patient) */
    cancellationReason: text("cancellation_reason"),
    /** the calendar file's SEQUENCE: raised by every reschedule and the cancellation, so calendars take the newest */
    sequence: integer("sequence").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The reminder scan: status = 'scheduled' and starts_at in a window is one range scan; id in the key makes it
    // index-only (no heap visit per appointment in the window; bench/scan-plan.txt).
    // updated_at too: a reminder's event id carries it, so a changed appointment gets a fresh id (see reminder-scan.ts).
    index("appointments_status_starts_idx").on(t.status, t.startsAt, t.id, t.updatedAt),
    index("appointments_patient_starts_idx").on(t.patientId, t.startsAt),
    index("appointments_clinician_starts_idx").on(t.clinicianId, t.startsAt),
  ],
);

export const appointmentReschedules = pgTable(
  "appointment_reschedules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    appointmentId: uuid("appointment_id")
      .notNull()
      .references(() => appointments.id, { onDelete: "cascade" }),
    previousStartsAt: tstz("previous_starts_at").notNull(),
    newStartsAt: tstz("new_starts_at").notNull(),
    actorId: text("actor_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("appointment_reschedules_appointment_idx").on(t.appointmentId)],
);

// ---- Audit ledger of preference and consent changes (append-only) ----

export const preferenceLedger = pgTable(
  "preference_ledger",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    patientId: text("patient_id")
      .notNull()
      .references(() => users.id),
    actorId: text("actor_id").references(() => users.id),
    actorKind: ledgerActorEnum("actor_kind").notNull(),
    field: text("field").notNull(),
    oldValue: text("old_value"),
    newValue: text("new_value"),
    consentVersion: text("consent_version"),
    requestHash: text("request_hash"),
    /** a staff change on the patient's behalf: how the patient asked */
    requestMeans: requestMeansEnum("request_means"),
    /** electronic signature of a consent given: the full name the patient typed, and the hash of the text agreed to */
    signedName: text("signed_name"),
    consentTextHash: text("consent_text_hash"),
    createdAt: createdAt(),
  },
  (t) => [
    index("preference_ledger_patient_idx").on(t.patientId, t.createdAt),
    index("preference_ledger_field_idx").on(t.field, t.createdAt),
  ],
);

// ---- Consent texts, versioned (append-only: a new wording is a new row) ----

export const consentTexts = pgTable(
  "consent_texts",
  {
    /** the version's name, kept on the profile and in the ledger (e.g. "recording-2026-01") */
    version: text("version").primaryKey(),
    kind: text("kind").$type<ConsentField>().notNull(),
    /** order of versions within a kind; a higher one supersedes a lower one from its effective date */
    sequence: integer("sequence").notNull(),
    title: text("title").notNull(),
    text: text("text").notNull(),
    /** sha256 hex of the text (UTF-8), stored with each signature so the wording agreed to can be proven */
    textHash: text("text_hash").notNull(),
    effectiveAt: tstz("effective_at").notNull(),
    /** when set, consents given to earlier versions of this kind count as not given from this moment */
    priorVersionsLapseAt: tstz("prior_versions_lapse_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("consent_texts_kind_sequence_idx").on(t.kind, t.sequence)],
);

// ---- Outgoing messages ----

export const notificationDeliveries = pgTable(
  "notification_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // (appointment, kind, channel, appointment start) or another natural key: claimed once.
    deliveryKey: text("delivery_key").notNull(),
    patientId: text("patient_id")
      .notNull()
      .references(() => users.id),
    appointmentId: uuid("appointment_id").references(() => appointments.id),
    /** set for progress updates and shares: the note the message is about */
    progressNoteId: uuid("progress_note_id").references((): AnyPgColumn => progressNotes.id),
    // The appointment's start when the message was decided: a rescheduled appointment gets fresh reminders.
    appointmentStartsAt: tstz("appointment_starts_at"),
    kind: text("kind").$type<DeliveryKind>().notNull(),
    channel: channelEnum("channel").notNull(),
    status: deliveryStatusEnum("status").notNull().default("pending"),
    reason: text("reason").$type<DeliveryReason>(),
    providerMessageId: text("provider_message_id"),
    errorCode: text("error_code"),
    attempts: integer("attempts").notNull().default(0),
    /** a deferred text (quiet hours): the first allowed moment it goes */
    scheduledFor: tstz("scheduled_for"),
    /** when this attempt went to the provider: texts are counted by it for frequency caps */
    sentAt: tstz("sent_at"),
    /** what the provider reported after accepting it (lib/notifications/delivery-status.ts); never moves backwards */
    providerStatus: text("provider_status").$type<ProviderStatus>(),
    providerStatusAt: tstz("provider_status_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("notification_deliveries_key_idx").on(t.deliveryKey),
    index("notification_deliveries_patient_texts_idx")
      .on(t.patientId, t.sentAt)
      .where(sql`${t.channel} <> 'email'`),
    // Status callbacks and webhooks find their delivery by the provider's id.
    index("notification_deliveries_provider_idx")
      .on(t.providerMessageId)
      .where(sql`${t.providerMessageId} is not null`),
    index("notification_deliveries_appointment_idx").on(t.appointmentId, t.kind, t.appointmentStartsAt),
    index("notification_deliveries_patient_idx").on(t.patientId, t.createdAt),
    index("notification_deliveries_note_idx").on(t.progressNoteId),
  ],
);

// Where messages go when no provider is configured (demo, dev, tests); never used in production.
export const devOutbox = pgTable(
  "dev_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    channel: channelEnum("channel").notNull(),
    recipient: text("recipient").notNull(),
    subject: text("subject"),
    body: text("body").notNull(),
    /** an email's attachments (the .ics calendar file), content base64, as Resend would have received them */
    attachments: jsonb("attachments").$type<OutboxAttachment[]>(),
    createdAt: createdAt(),
  },
  (t) => [index("dev_outbox_created_idx").on(t.createdAt)],
);

// ---- Video ----

export const videoSessions = pgTable(
  "video_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    appointmentId: uuid("appointment_id")
      .notNull()
      .references(() => appointments.id),
    roomSid: text("room_sid"),
    roomName: text("room_name").notNull(),
    recording: boolean("recording").notNull(),
    recordingReason: text("recording_reason").$type<RecordingReason>().notNull(),
    /** the provider's real-time transcription, held to its own consent by the same rules as recording */
    transcribing: boolean("transcribing").notNull().default(false),
    consentLedgerId: bigint("consent_ledger_id", { mode: "number" }).references(() => preferenceLedger.id),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    status: text("status").$type<VideoSessionStatus>().notNull(),
    /** what the server did to keep the room within consent, e.g. "recording_stopped" then "recording_deleted" */
    guardAction: text("guard_action").$type<GuardAction>(),
    endedAt: tstz("ended_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("video_sessions_appointment_idx").on(t.appointmentId),
    index("video_sessions_room_idx").on(t.roomSid),
    // At most one live session per appointment, whatever races between two tabs starting it.
    uniqueIndex("video_sessions_live_idx")
      .on(t.appointmentId)
      .where(sql`${t.status} in ('in-progress', 'local-preview')`),
  ],
);

// Every recording Twilio reported for a room, by its SID: each one of an unconsented room is deleted once completed.
export const videoRecordings = pgTable(
  "video_recordings",
  {
    recordingSid: text("recording_sid").primaryKey(),
    roomSid: text("room_sid").notNull(),
    /** Twilio's recording status as last reported: in-progress, completed, … */
    status: text("status").notNull(),
    deletedAt: tstz("deleted_at"),
    /** why it was deleted, set with deletedAt (the patient's receipt says it) */
    deletedReason: text("deleted_reason").$type<RecordingDeletionReason>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("video_recordings_room_idx").on(t.roomSid)],
);

// The local preview's rooms (no Twilio configured): the recording rules a room is held to, kept in the database.
export const videoLocalRooms = pgTable(
  "video_local_rooms",
  {
    roomSid: text("room_sid").primaryKey(),
    roomName: text("room_name").notNull(),
    recording: boolean("recording").notNull(),
    transcribing: boolean("transcribing").notNull().default(false),
    /** in-progress or completed, as Twilio names a room's status */
    status: text("status").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  // One open room per name, as Twilio keeps unique names.
  (t) => [
    uniqueIndex("video_local_rooms_open_idx")
      .on(t.roomName)
      .where(sql`${t.status} = 'in-progress'`),
  ],
);

// Everyone in a visit: the clinician, the patient, guests; each one's own answer to the recording question.
export const videoParticipants = pgTable(
  "video_participants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    appointmentId: uuid("appointment_id")
      .notNull()
      .references(() => appointments.id),
    role: text("role").$type<ParticipantRole>().notNull(),
    /** the room identity in tokens and Twilio's callbacks: clinician-<id>, patient-<id>, guest-<id> */
    identity: text("identity").notNull(),
    userId: text("user_id").references(() => users.id),
    displayName: text("display_name").notNull(),
    /** null: not answered (a guest who has not answered has not consented; the patient's stored consent stands) */
    recordingConsent: boolean("recording_consent"),
    /** this visit's answer to the transcription question; null: not answered */
    transcriptionConsent: boolean("transcription_consent"),
    answeredAt: tstz("answered_at"),
    present: boolean("present").notNull().default(false),
    joinedAt: tstz("joined_at"),
    leftAt: tstz("left_at"),
    /** state or region the participant is in, for the one-party policy */
    region: text("region"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("video_participants_identity_idx").on(t.appointmentId, t.identity)],
);

// A guest's single-use link to one visit: only hashes are kept; redeemed once, it becomes the guest's session.
export const videoGuestInvites = pgTable(
  "video_guest_invites",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    appointmentId: uuid("appointment_id")
      .notNull()
      .references(() => appointments.id),
    role: text("role").$type<"companion" | "interpreter">().notNull(),
    channel: text("channel").$type<"email" | "sms">().notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    /** the hash of the guest's session cookie, set when the link is used */
    sessionHash: text("session_hash").unique(),
    participantId: uuid("participant_id").references(() => videoParticipants.id),
    usedAt: tstz("used_at"),
    /** the visit's end: the link and the guest's session stop working then */
    expiresAt: tstz("expires_at").notNull(),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("video_guest_invites_appointment_idx").on(t.appointmentId)],
);

// Every recording rule the server sent to a room, with what caused it: the guard's audit and the visit's receipt.
export const videoRuleChanges = pgTable(
  "video_rule_changes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    appointmentId: uuid("appointment_id")
      .notNull()
      .references(() => appointments.id),
    roomSid: text("room_sid"),
    recording: boolean("recording").notNull(),
    /** whether the room transcribes after this change (each row is the room's whole state: recording and transcription) */
    transcription: boolean("transcription").notNull().default(false),
    cause: text("cause").$type<RuleCause>().notNull(),
    /** the participant whose join, answer or leave caused it */
    participantId: uuid("participant_id").references(() => videoParticipants.id),
    createdAt: createdAt(),
  },
  (t) => [index("video_rule_changes_appointment_idx").on(t.appointmentId, t.createdAt)],
);

// Twilio's room status callbacks, as received (ids and event names only).
export const videoSessionEvents = pgTable(
  "video_session_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    roomSid: text("room_sid").notNull(),
    event: text("event").notNull(),
    recordingSid: text("recording_sid"),
    participantIdentity: text("participant_identity"),
    createdAt: createdAt(),
  },
  (t) => [index("video_session_events_room_idx").on(t.roomSid, t.createdAt)],
);

// ---- Inbound webhooks and callbacks, each handled once ----

// One row per provider message or callback already handled (Twilio's MessageSid, a room's SequenceNumber, …):
// inserted in the same transaction as the change it causes, so a replay finds it and changes nothing.
export const webhookReceipts = pgTable(
  "webhook_receipts",
  {
    source: text("source").notNull(),
    receiptKey: text("receipt_key").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.source, t.receiptKey] }), index("webhook_receipts_created_idx").on(t.createdAt)],
);

// Inbound texts that neither stop nor restart texts: a staff inbox, each answered within 10 business days (47 CFR
// 64.1200(a)(10)); staff record what the patient wanted. The body is the patient's own words, shown to admins only.
export const inboundMessages = pgTable(
  "inbound_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    messageSid: text("message_sid").notNull().unique(),
    /** null when the number is no patient's */
    patientId: text("patient_id").references(() => users.id),
    channel: channelEnum("channel").notNull(),
    fromNumber: text("from_number").notNull(),
    body: text("body").notNull(),
    receivedAt: tstz("received_at").defaultNow().notNull(),
    respondBy: tstz("respond_by").notNull(),
    resolvedAt: tstz("resolved_at"),
    resolvedBy: text("resolved_by").references(() => users.id),
    /** texts_off: staff turned texts off for the patient; no_change: the message asked for nothing of the kind */
    outcome: text("outcome").$type<"texts_off" | "no_change">(),
  },
  (t) => [index("inbound_messages_open_idx").on(t.resolvedAt, t.receivedAt)],
);

// ---- Transactional event outbox ----

// Every event a domain write must cause, inserted in the write's own transaction; the relay publishes it with the
// row's id as the event id (lib/events/outbox.ts). Payloads are ids only (DESIGN.md, invariant 7).
export const eventOutbox = pgTable(
  "event_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
    publishedAt: tstz("published_at"),
    attempts: integer("attempts").notNull().default(0),
    /** when the relay may try this row again (backoff after a failed publish) */
    nextAttemptAt: tstz("next_attempt_at").defaultNow().notNull(),
    /** a relay holds the row until then while it publishes, so a concurrent relay skips it */
    claimedUntil: tstz("claimed_until"),
    /** the last failure, as an error name or HTTP status only */
    lastError: text("last_error"),
  },
  (t) => [
    index("event_outbox_pending_idx")
      .on(t.nextAttemptAt, t.createdAt)
      .where(sql`${t.publishedAt} is null`),
    index("event_outbox_published_idx").on(t.publishedAt),
  ],
);

// How far a periodic job has got, so a run after downtime of any length knows what it missed.
export const jobWatermarks = pgTable("job_watermarks", {
  name: text("name").primaryKey(),
  until: tstz("until").notNull(),
  updatedAt: updatedAt(),
});

// ---- Progress notes ----

export const progressNotes = pgTable(
  "progress_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    appointmentId: uuid("appointment_id")
      .notNull()
      .references(() => appointments.id),
    clinicianId: text("clinician_id")
      .notNull()
      .references(() => users.id),
    patientId: text("patient_id")
      .notNull()
      .references(() => users.id),
    privateNote: text("private_note").notNull(),
    patientSummary: text("patient_summary").notNull(),
    /** a correction points at the note it replaces; notes themselves never change (a trigger refuses updates) */
    correctsNoteId: uuid("corrects_note_id").references((): AnyPgColumn => progressNotes.id),
    sharingStatus: sharingStatusEnum("sharing_status").notNull().default("pending"),
    createdAt: createdAt(),
  },
  (t) => [
    index("progress_notes_patient_idx").on(t.patientId, t.createdAt),
    index("progress_notes_sharing_idx").on(t.sharingStatus, t.createdAt),
    index("progress_notes_appointment_idx").on(t.appointmentId, t.createdAt),
    // A note is corrected at most once: corrections form a chain, never a fork.
    uniqueIndex("progress_notes_corrects_idx").on(t.correctsNoteId),
  ],
);

// ---- Staff access log (append-only; a trigger refuses UPDATE and DELETE except the retention prune) ----

// One row per staff read of one patient's information: who, in which role, what, when, from which request.
export const accessLog = pgTable(
  "access_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    actorId: text("actor_id")
      .notNull()
      .references(() => users.id),
    actorRole: roleEnum("actor_role").notNull(),
    patientId: text("patient_id")
      .notNull()
      .references(() => users.id),
    /** what was read: a key of accessKinds in lib/access/kinds.ts */
    what: text("what").notNull(),
    requestHash: text("request_hash"),
    createdAt: createdAt(),
  },
  (t) => [
    index("access_log_patient_idx").on(t.patientId, t.createdAt),
    index("access_log_created_idx").on(t.createdAt),
    index("access_log_actor_idx").on(t.actorId, t.createdAt),
  ],
);

export type User = typeof users.$inferSelect;
export type Role = (typeof roleEnum.enumValues)[number];
export type PatientProfile = typeof patientProfiles.$inferSelect;
export type Clinician = typeof clinicians.$inferSelect;
export type Appointment = typeof appointments.$inferSelect;
export type LedgerEntry = typeof preferenceLedger.$inferSelect;
export type ConsentText = typeof consentTexts.$inferSelect;
export type NotificationDelivery = typeof notificationDeliveries.$inferSelect;
export type OutboxMessage = typeof devOutbox.$inferSelect;
export type VideoSession = typeof videoSessions.$inferSelect;
export type VideoParticipant = typeof videoParticipants.$inferSelect;
export type OutboxRow = typeof eventOutbox.$inferSelect;
export type ProgressNote = typeof progressNotes.$inferSelect;
export type WorkingHoursInterval = typeof workingHours.$inferSelect;
export type ScheduleAuditEntry = typeof scheduleAudit.$inferSelect;
export type InboundMessage = typeof inboundMessages.$inferSelect;
export type RequestMeans = (typeof requestMeansEnum.enumValues)[number];
export type RosterAuditRow = typeof rosterAudit.$inferSelect;
export type AccessLogEntry = typeof accessLog.$inferSelect;

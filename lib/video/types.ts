/** A session row's life: live (in a Twilio room, or the local preview), then superseded by a rejoin or ended. */
export type VideoSessionStatus = "in-progress" | "local-preview" | "superseded" | "ended";
export const liveSessionStatuses = ["in-progress", "local-preview"] as const satisfies readonly VideoSessionStatus[];

/** Why a room records or not, as decided from stored consent (or changed by the guard). */
export type RecordingReason =
  | "consent_given"
  | "no_consent"
  | "consent_withdrawn"
  /** the patient consented to a consent text that a newer version has lapsed */
  | "consent_version_lapsed"
  /** someone present has not consented (a guest, the clinician) or declined for this visit */
  | "participant_not_consented";

/** Who is in a visit. */
export type ParticipantRole = "clinician" | "patient" | "companion" | "interpreter";

/** What made the server send a room its recording rules. */
export type RuleCause = "start" | "join" | "decline" | "resume" | "stop" | "withdraw" | "guard" | "leave" | "end";

/** Why a recording was deleted: a withdrawal and a recording made without consent always; a stop per clinic setting. */
export type RecordingDeletionReason = "consent_withdrawn" | "recorded_without_consent" | "stopped_by_patient";

/** What the server did to keep a room within consent. */
export type GuardAction = "recording_stopped" | "recording_deleted";

/**
 * Where a video visit stands for its patient: cancelled; ended (its time is over, or the clinician ended the room);
 * early (before the 15 minutes ahead of its start); waiting (open, the clinician has not started); open (started).
 */
export type VisitPhase = "cancelled" | "ended" | "early" | "waiting" | "open";

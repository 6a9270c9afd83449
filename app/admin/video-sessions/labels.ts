import type { RecordingDeletionReason, RecordingReason, RuleCause } from "@/lib/video/types";

// The words the video sessions list and a session's detail page share.
export const reasonLabels: Record<RecordingReason, string> = {
  consent_given: "consent stored",
  no_consent: "no consent stored",
  consent_withdrawn: "consent withdrawn during the session",
  consent_version_lapsed: "consent given to a text version that has lapsed",
  participant_not_consented: "a participant has not consented",
};
export const guardLabels: Record<string, string> = {
  recording_stopped: "Recording stopped",
  recording_deleted: "Recording stopped and deleted",
};
export const causeLabels: Record<RuleCause, string> = {
  start: "session start",
  join: "joined",
  decline: "declined",
  resume: "clinician resumed",
  stop: "patient stopped recording",
  withdraw: "patient withdrew consent",
  guard: "guard: recording started without consent",
  leave: "left",
  end: "clinician ended the visit for everyone",
};
export const deletionLabels: Record<RecordingDeletionReason, string> = {
  consent_withdrawn: "consent withdrawn",
  recorded_without_consent: "recorded without consent",
  stopped_by_patient: "stopped by the patient (clinic setting: delete)",
};

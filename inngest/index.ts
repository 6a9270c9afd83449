import { pruneAuditRecordsFn } from "./functions/access/prune-audit";
import { pruneRateLimitsFn } from "./functions/auth/prune-rate-limits";
import { sendAppointmentMessage } from "./functions/appointments/send-message";
import { shareProgressNote } from "./functions/progress/share";
import { scanReminders } from "./functions/reminders/scan";
import { relayOutboxFn } from "./functions/outbox/relay";
import { sendReminder } from "./functions/reminders/send";
import { confirmTextRevocation } from "./functions/notifications/confirm-revocation";
import { enforceRecordingConsentFn } from "./functions/video/enforce-recording-consent";
import { enforceTranscriptionConsentFn } from "./functions/video/enforce-transcription-consent";

/** Every function served at /api/inngest. */
export const functions = [
  scanReminders,
  sendReminder,
  sendAppointmentMessage,
  enforceRecordingConsentFn,
  enforceTranscriptionConsentFn,
  pruneRateLimitsFn,
  shareProgressNote,
  relayOutboxFn,
  confirmTextRevocation,
  pruneAuditRecordsFn,
];

import { pruneRateLimitsFn } from "./functions/auth/prune-rate-limits";
import { sendAppointmentMessage } from "./functions/appointments/send-message";
import { sweepAppointmentMessages } from "./functions/appointments/sweep";
import { shareProgressNote } from "./functions/progress/share";
import { sweepProgressSharing } from "./functions/progress/sweep";
import { scanReminders } from "./functions/reminders/scan";
import { sendReminder } from "./functions/reminders/send";
import { enforceRecordingConsentFn } from "./functions/video/enforce-recording-consent";

/** Every function served at /api/inngest. */
export const functions = [
  scanReminders,
  sendReminder,
  sendAppointmentMessage,
  sweepAppointmentMessages,
  enforceRecordingConsentFn,
  pruneRateLimitsFn,
  shareProgressNote,
  sweepProgressSharing,
];

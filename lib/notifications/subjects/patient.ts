import "server-only";
import { patientProfiles, users } from "@/db/schema";

/** The patient's address and every contact choice the gate decides on: selected fresh by each subject's one query. */
export const patientChoiceColumns = {
  email: users.email,
  firstName: patientProfiles.firstName,
  timeZone: patientProfiles.timeZone,
  country: patientProfiles.country,
  region: patientProfiles.region,
  phoneE164: patientProfiles.phoneE164,
  emailNotifications: patientProfiles.emailNotifications,
  textMessages: patientProfiles.textMessages,
  textChannel: patientProfiles.textChannel,
  whatsappOptIn: patientProfiles.whatsappOptIn,
  appointmentReminders: patientProfiles.appointmentReminders,
  appointmentUpdatesEmail: patientProfiles.appointmentUpdatesEmail,
  appointmentUpdatesText: patientProfiles.appointmentUpdatesText,
  remindersEmail: patientProfiles.remindersEmail,
  remindersText: patientProfiles.remindersText,
  progressUpdatesEmail: patientProfiles.progressUpdatesEmail,
  progressUpdatesText: patientProfiles.progressUpdatesText,
  reminder24h: patientProfiles.reminder24h,
  reminder1h: patientProfiles.reminder1h,
  reminder15m: patientProfiles.reminder15m,
  textHoursStart: patientProfiles.textHoursStart,
  textHoursEnd: patientProfiles.textHoursEnd,
  deactivatedAt: users.deactivatedAt,
};

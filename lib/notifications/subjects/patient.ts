import "server-only";
import { patientProfiles, users } from "@/db/schema";

/** The patient's address and every contact choice the gate decides on: selected fresh by each subject's one query. */
export const patientChoiceColumns = {
  email: users.email,
  firstName: patientProfiles.firstName,
  timeZone: patientProfiles.timeZone,
  phoneE164: patientProfiles.phoneE164,
  emailNotifications: patientProfiles.emailNotifications,
  textMessages: patientProfiles.textMessages,
  textChannel: patientProfiles.textChannel,
  whatsappOptIn: patientProfiles.whatsappOptIn,
  appointmentReminders: patientProfiles.appointmentReminders,
  deactivatedAt: users.deactivatedAt,
};

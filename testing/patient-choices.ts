import type { PatientChoices } from "@/lib/notifications/decide";

/** A patient whose every switch and matrix cell is on, with a US mobile number in New York: the tests' baseline. */
export const patientChoices = (overrides: Partial<PatientChoices> = {}): PatientChoices => ({
  emailNotifications: true,
  textMessages: true,
  textChannel: "sms",
  whatsappOptIn: false,
  appointmentReminders: true,
  phoneE164: "+12025550143",
  timeZone: "America/New_York",
  country: "US",
  region: null,
  textHoursStart: null,
  textHoursEnd: null,
  appointmentUpdatesEmail: true,
  appointmentUpdatesText: true,
  remindersEmail: true,
  remindersText: true,
  progressUpdatesEmail: true,
  progressUpdatesText: true,
  reminder24h: true,
  reminder1h: true,
  reminder15m: true,
  ...overrides,
});

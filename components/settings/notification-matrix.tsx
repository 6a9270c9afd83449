import { db } from "@/db/client";
import { env } from "@/lib/env";
import { effectiveTextHours, formatClock } from "@/lib/notifications/policy";
import { getNotificationChoices } from "@/lib/patients/notification-matrix";
import { phoneRegionOf } from "@/lib/patients/phone-region";
import { NotificationMatrixForm, TextHoursForm, type MatrixValues } from "./notification-matrix-form";

/** The matrix and the patient's hours for texts, read for the signed-in patient (the page passes only their id). */
export async function NotificationMatrix({ patientId }: { patientId: string }) {
  const choices = await getNotificationChoices(db(), patientId);
  if (!choices) return null;
  const { emailNotifications, textMessages, appointmentReminders } = choices;
  const stored: MatrixValues = {
    appointmentUpdatesEmail: choices.appointmentUpdatesEmail,
    appointmentUpdatesText: choices.appointmentUpdatesText,
    remindersEmail: choices.remindersEmail,
    remindersText: choices.remindersText,
    progressUpdatesEmail: choices.progressUpdatesEmail,
    progressUpdatesText: choices.progressUpdatesText,
    reminder24h: choices.reminder24h,
    reminder1h: choices.reminder1h,
    reminder15m: choices.reminder15m,
  };
  // The switches above win: say so, so a ticked box that cannot send is not a surprise.
  const notes = [
    !emailNotifications && "Email notifications are off above, so no email is sent whatever is ticked here.",
    !textMessages && "Text messages are off above, so no text is sent whatever is ticked here.",
    !appointmentReminders && "Appointment reminders are off above, so no reminder is sent whatever is ticked here.",
  ].filter((note): note is string => Boolean(note));
  const hours = effectiveTextHours(
    env().notificationPolicy,
    { country: phoneRegionOf(choices) ?? null, region: choices.region },
    null,
  );
  const clinicHours = hours
    ? `The clinic sends texts between ${formatClock(hours.start)} and ${formatClock(hours.end)} your time.`
    : "The clinic sends no texts where you are.";
  return (
    <div className="divide-y divide-slate-200">
      <NotificationMatrixForm stored={stored} notes={notes} />
      <TextHoursForm start={choices.textHoursStart ?? ""} end={choices.textHoursEnd ?? ""} clinicHours={clinicHours} />
    </div>
  );
}

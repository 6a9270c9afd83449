import { NotificationMatrix } from "@/components/settings/notification-matrix";
import { NotificationPreferencesForm } from "@/components/settings/notification-preferences-form";
import { SettingsSection } from "@/components/settings/settings-section";
import type { PatientSettings } from "@/lib/patients/queries";

/** How we tell the patient about their appointments: the three switches, then the matrix that refines them. */
export function NotificationsSection({ patientId, settings }: { patientId: string; settings: PatientSettings }) {
  return (
    <SettingsSection id="notifications">
      <NotificationPreferencesForm
        hasPhone={Boolean(settings.phoneE164)}
        stored={{
          emailNotifications: settings.emailNotifications,
          textMessages: settings.textMessages,
          textChannel: settings.textChannel,
          whatsappOptIn: settings.whatsappOptIn,
          appointmentReminders: settings.appointmentReminders,
        }}
      />
      <NotificationMatrix patientId={patientId} />
    </SettingsSection>
  );
}

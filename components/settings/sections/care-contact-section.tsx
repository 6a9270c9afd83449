import { CareContactForm } from "@/components/settings/care-contact-form";
import { SettingsSection } from "@/components/settings/settings-section";
import type { PatientSettings } from "@/lib/patients/queries";

export function CareContactSection({ settings }: { settings: PatientSettings }) {
  return (
    <SettingsSection
      id="care-contact"
      intro={
        <p>
          Someone you trust, such as a family member or carer. They receive the summaries of your progress updates by
          email only while you give progress sharing consent under Consents
          {settings.progressSharingConsent ? " (you do now)." : " (you do not now, so nothing is sent to them)."}
        </p>
      }
    >
      <CareContactForm
        name={settings.careContactName ?? ""}
        relationship={settings.careContactRelationship ?? ""}
        email={settings.careContactEmail ?? ""}
      />
    </SettingsSection>
  );
}

import { ConsentsSection as ConsentTexts } from "@/components/consents/consents-section";
import { SettingsSection } from "@/components/settings/settings-section";
import type { PatientSettings } from "@/lib/patients/queries";

/** One article per consent: its current text, where the patient stands, and the one form that changes it. */
export function ConsentsSection({ patientId, settings }: { patientId: string; settings: PatientSettings }) {
  return (
    <SettingsSection id="consents">
      <ConsentTexts patientId={patientId} settings={settings} />
    </SettingsSection>
  );
}

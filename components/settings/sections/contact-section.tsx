import { MobileNumberForm } from "@/components/settings/mobile-number-form";
import { SettingsSection } from "@/components/settings/settings-section";
import { phoneForInput } from "@/lib/patients/fields";
import { exampleMobile, phoneRegionOf } from "@/lib/patients/phone-region";
import type { PatientSettings } from "@/lib/patients/queries";

export function ContactSection({ settings }: { settings: PatientSettings }) {
  const region = phoneRegionOf(settings);
  return (
    <SettingsSection id="contact" intro="Your email address is the one you sign in with.">
      <MobileNumberForm phone={phoneForInput(settings.phoneE164, region)} phoneExample={exampleMobile(region)} />
    </SettingsSection>
  );
}

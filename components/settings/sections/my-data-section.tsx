import { MyDataSection as MyDataLinks } from "@/components/consents/my-data-section";
import { SettingsSection } from "@/components/settings/settings-section";

export function MyDataSection() {
  return (
    <SettingsSection id="my-data">
      <MyDataLinks />
    </SettingsSection>
  );
}

import { SettingsHistory } from "@/components/settings/settings-history";
import { SettingsSection } from "@/components/settings/settings-section";

export function HistorySection(props: React.ComponentProps<typeof SettingsHistory>) {
  return (
    <SettingsSection id="history">
      <SettingsHistory {...props} />
    </SettingsSection>
  );
}

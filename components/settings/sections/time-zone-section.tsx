import { getCountry } from "countries-and-timezones";
import { SettingsSection } from "@/components/settings/settings-section";
import { TimeZoneForm } from "@/components/settings/time-zone-form";
import { phoneRegionOf } from "@/lib/patients/phone-region";
import type { PatientSettings } from "@/lib/patients/queries";
import { listedTimeZone } from "@/lib/patients/time-zones";

/** The patient's country's zones (from the stored country, else their zone's), for the top of the picker. */
function countryZones(settings: PatientSettings): { label: string; zones: string[] } | null {
  const country = getCountry(phoneRegionOf(settings) ?? "");
  if (!country) return null;
  const zones = [...new Set(country.timezones.map(listedTimeZone).filter((zone) => zone !== undefined))];
  return zones.length > 0 ? { label: `In ${country.name}`, zones } : null;
}

export function TimeZoneSection({ settings }: { settings: PatientSettings }) {
  return (
    <SettingsSection id="time-zone">
      <TimeZoneForm
        timeZone={settings.timeZone}
        suggested={countryZones(settings)}
        suggestBrowserZone={settings.timeZone === "UTC" && !settings.timeZoneChosen}
      />
    </SettingsSection>
  );
}

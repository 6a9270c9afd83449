import { db } from "@/db/client";
import { SettingsHistory } from "@/components/settings/settings-history";
import { SettingsSection } from "@/components/settings/settings-section";
import { describeConsentText } from "@/lib/patients/consent-kinds";
import { consentTextsByVersion } from "@/lib/patients/consent-versions";

type Props = Omit<React.ComponentProps<typeof SettingsHistory>, "consentWords">;

/** The history names each consent text by its kind and date, never by its raw version. */
export async function HistorySection(props: Props) {
  const versions = props.rows.map((row) => row.consentVersion).filter((v): v is string => Boolean(v));
  const texts = await consentTextsByVersion(db(), versions);
  const consentWords = Object.fromEntries(
    [...texts.values()].map((text) => [text.version, describeConsentText(text.kind, text.effectiveAt)]),
  );
  return (
    <SettingsSection id="history">
      <SettingsHistory {...props} consentWords={consentWords} />
    </SettingsSection>
  );
}

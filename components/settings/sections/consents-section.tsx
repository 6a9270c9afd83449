import { ConsentForm } from "@/components/settings/consent-form";
import { SettingsSection } from "@/components/settings/settings-section";
import { formatDateTime } from "@/lib/format";
import { consentTexts, type ConsentField } from "@/lib/patients/consent-texts";
import { consentVersionWords } from "@/lib/patients/consent-wording";
import type { PatientSettings } from "@/lib/patients/queries";

function consentStatus(settings: PatientSettings, field: ConsentField): string {
  const given = settings[field];
  const changedAt =
    field === "recordingConsent" ? settings.recordingConsentChangedAt : settings.progressSharingConsentChangedAt;
  const version =
    field === "recordingConsent" ? settings.recordingConsentVersion : settings.progressSharingConsentVersion;
  if (!changedAt) return "Not given.";
  const when = formatDateTime(changedAt, settings.timeZone);
  return given && version
    ? `Given on ${when}, to ${consentVersionWords(field, version)}.`
    : given
      ? `Given on ${when}.`
      : `Withdrawn on ${when}.`;
}

/** One article per consent: its text, where the patient stands, and the one button that changes it. */
export function ConsentsSection({ settings }: { settings: PatientSettings }) {
  return (
    <SettingsSection id="consents">
      <div className="space-y-6">
        {(Object.keys(consentTexts) as ConsentField[]).map((field) => (
          <article
            key={field}
            aria-labelledby={`${field}-title`}
            className="border-t border-slate-200 pt-4 first:border-t-0 first:pt-0"
          >
            <h3 id={`${field}-title`} className="font-semibold">
              {consentTexts[field].title}
            </h3>
            <p className="mt-1 text-xs text-slate-600">
              This is {consentVersionWords(field, consentTexts[field].version)}.
            </p>
            <p className="mt-2 rounded bg-slate-50 p-3 text-sm leading-relaxed">{consentTexts[field].text}</p>
            <p className="mt-2 text-sm font-medium" data-testid={`${field}-status`}>
              {consentStatus(settings, field)}
            </p>
            <ConsentForm consent={field} given={settings[field]} version={consentTexts[field].version} />
          </article>
        ))}
      </div>
    </SettingsSection>
  );
}

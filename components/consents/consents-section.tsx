import Link from "next/link";
import { db } from "@/db/client";
import { ConsentForm } from "@/components/settings/consent-form";
import { formatDateTime } from "@/lib/format";
import { consentFields, consentKindWords, describeConsentText, type ConsentField } from "@/lib/patients/consent-kinds";
import { consentsToReview, consentTextsByVersion, currentConsentTexts } from "@/lib/patients/consent-versions";
import type { PatientSettings } from "@/lib/patients/queries";
import { ConsentTextDetails } from "./consent-text-details";

const stateOf = (settings: PatientSettings, field: ConsentField) => ({
  version: settings[`${field}Version`],
  changedAt: settings[`${field}ChangedAt`],
});

/** The settings page's consents: the current text of each, and the exact text the patient agreed to. */
export async function ConsentsSection({ patientId, settings }: { patientId: string; settings: PatientSettings }) {
  const [current, reviews] = await Promise.all([currentConsentTexts(db()), consentsToReview(db(), patientId)]);
  const agreed = await consentTextsByVersion(
    db(),
    consentFields.map((field) => stateOf(settings, field).version).filter((v): v is string => Boolean(v)),
  );
  return (
    <div className="space-y-6">
      {consentFields.map((field) => {
        const text = current[field];
        const { version, changedAt } = stateOf(settings, field);
        const agreedText = version ? agreed.get(version) : undefined;
        const review = reviews.find((r) => r.kind === field);
        const given = settings[field];
        return (
          <article
            key={field}
            aria-labelledby={`${field}-title`}
            className="border-t border-slate-200 pt-4 first:border-t-0 first:pt-0"
          >
            <h3 id={`${field}-title`} className="font-semibold">
              {text.title}
            </h3>
            <p className="mt-1 text-sm text-slate-600">This is {describeConsentText(field, text.effectiveAt)}.</p>
            <p className="mt-2 rounded bg-slate-50 p-3 text-sm leading-relaxed whitespace-pre-line">{text.text}</p>
            <p className="mt-2 text-sm font-medium" data-testid={`${field}-status`}>
              {!changedAt
                ? "Not given."
                : given
                  ? `Given on ${formatDateTime(changedAt, settings.timeZone)}, to ${
                      agreedText
                        ? describeConsentText(field, agreedText.effectiveAt)
                        : `an earlier ${consentKindWords[field]} text`
                    }.`
                  : `Withdrawn on ${formatDateTime(changedAt, settings.timeZone)}.`}
            </p>
            {given && agreedText && agreedText.version !== text.version ? (
              <ConsentTextDetails
                summary={`Read ${describeConsentText(field, agreedText.effectiveAt)}, which you agreed to`}
                text={agreedText.text}
              />
            ) : null}
            {review ? (
              <p className="mt-2 rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950">
                {review.lapsed
                  ? "The text you agreed to has lapsed, so this consent counts as not given until you review it. "
                  : "The clinic has published a new text that replaces the one you agreed to. "}
                <Link href="/consents/review" className="font-medium underline">
                  Review the new text
                </Link>
              </p>
            ) : null}
            <ConsentForm consent={field} given={given} version={text.version} />
          </article>
        );
      })}
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/db/client";
import { ConsentTextDetails } from "@/components/consents/consent-text-details";
import { ConsentForm } from "@/components/settings/consent-form";
import { requirePageRole } from "@/lib/auth/session";
import { consentTextDate, describeConsentText } from "@/lib/patients/consent-kinds";
import { consentsToReview, consentTextsByVersion, currentConsentTexts } from "@/lib/patients/consent-versions";

export const metadata: Metadata = { title: "Review your consents" };

/** Where the banner leads: each consent whose text the clinic replaced, to agree to the new text or withdraw. */
export default async function ConsentReviewPage() {
  const user = await requirePageRole("patient");
  const [reviews, current] = await Promise.all([consentsToReview(db(), user.id), currentConsentTexts(db())]);
  const agreed = await consentTextsByVersion(
    db(),
    reviews.map((review) => review.givenVersion),
  );
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Review your consents</h1>
        <p className="mt-1 text-slate-600">
          The clinic changed the wording of a consent you gave. Read the new text, then agree to it or withdraw.
        </p>
      </div>
      {reviews.length === 0 ? (
        <p role="status" className="rounded-lg border border-brand-600 bg-brand-50 p-4 text-brand-800">
          Nothing to review: your consents are up to date.{" "}
          <Link href="/settings" className="font-medium underline">
            Back to settings
          </Link>
        </p>
      ) : null}
      {reviews.map((review) => {
        const text = current[review.kind];
        const old = agreed.get(review.givenVersion);
        return (
          <section
            key={review.kind}
            aria-labelledby={`${review.kind}-review-title`}
            className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
          >
            <h2 id={`${review.kind}-review-title`} className="text-lg font-semibold">
              {text.title}
            </h2>
            <p className="mt-1 text-sm" data-testid={`${review.kind}-review-status`}>
              You agreed to {old ? describeConsentText(review.kind, old.effectiveAt) : `version ${review.givenVersion}`}
              . It is replaced by {describeConsentText(review.kind, text.effectiveAt)}
              {text.priorVersionsLapseAt
                ? review.lapsed
                  ? `, and your earlier consent lapsed on ${consentTextDate(text.priorVersionsLapseAt)}: until you agree again it counts as not given.`
                  : `; your earlier consent lapses on ${consentTextDate(text.priorVersionsLapseAt)}.`
                : "."}
            </p>
            <p className="mt-3 rounded bg-slate-50 p-3 text-sm leading-relaxed whitespace-pre-line">{text.text}</p>
            {old ? <ConsentTextDetails summary="Read the text you agreed to before" text={old.text} /> : null}
            <ConsentForm consent={review.kind} given={false} version={text.version} giveLabel="Agree to the new text" />
            <div className="mt-4 border-t border-slate-200 pt-2">
              <p className="text-sm text-slate-600">Or, if you do not agree:</p>
              <ConsentForm consent={review.kind} given version={text.version} />
            </div>
          </section>
        );
      })}
    </div>
  );
}

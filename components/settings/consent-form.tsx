"use client";

import { useActionState } from "react";
import { updateConsentAction } from "@/app/settings/actions/update-consent";
import { FieldError, FormStatus, invalidProps } from "@/components/ui/field-error";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import { shownChecked, type FormState } from "@/lib/forms";
import { consentNames } from "@/lib/patients/consent-wording";

type Props = { consent: "recordingConsent" | "progressSharingConsent"; given: boolean; version: string };

/** Withdrawing is one click; giving needs the explicit "I have read" tick. Buttons name their consent. */
export function ConsentForm({ consent, given, version }: Props) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(updateConsentAction, {});
  const confirmId = `${consent}-confirm`;
  const errors = [...(state.fieldErrors?.confirm ?? []), ...(state.fieldErrors?.version ?? [])];
  const formRef = useFocusFirstError(state);
  return (
    <form ref={formRef} action={formAction} className="mt-4 space-y-3">
      <input type="hidden" name="consent" value={consent} />
      <input type="hidden" name="decision" value={given ? "withdraw" : "give"} />
      <input type="hidden" name="version" value={version} />
      {given ? null : (
        <div>
          <label className="flex items-start gap-2">
            <input
              id={confirmId}
              type="checkbox"
              name="confirm"
              defaultChecked={shownChecked(state, "confirm", false)}
              {...invalidProps(errors, `${confirmId}-error`)}
              className="mt-1 h-4 w-4 accent-brand-600"
            />
            <span>I have read the text above and I agree to it.</span>
          </label>
          <FieldError id={`${confirmId}-error`} errors={errors} />
        </div>
      )}
      <div className="flex items-center gap-4">
        <button
          type="submit"
          disabled={pending}
          className={
            given
              ? "rounded border border-red-300 px-4 py-2 font-medium text-red-800 hover:bg-red-50 disabled:opacity-60"
              : "rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
          }
        >
          {given ? `Withdraw ${consentNames[consent]}` : `Give ${consentNames[consent]}`}
        </button>
        <FormStatus ok={state.ok} message={pending ? "Saving…" : state.message} />
      </div>
    </form>
  );
}

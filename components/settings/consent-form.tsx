"use client";

import { useActionState } from "react";
import { updateConsentAction } from "@/app/settings/actions/update-consent";
import { useKeepTyped } from "@/components/admin/roster/keep-typed";
import { FieldError, FormStatus, invalidProps } from "@/components/ui/field-error";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import { shownChecked, shownValue, type FormState } from "@/lib/forms";
import { consentKindWords, type ConsentField } from "@/lib/patients/consent-kinds";

type Props = { consent: ConsentField; given: boolean; version: string; giveLabel?: string };

/**
 * Withdrawing is one click; giving is a signature: the "I have read" tick and the patient's full name, typed.
 * Buttons name their consent ("Withdraw recording consent"), so the page's buttons are told apart.
 */
export function ConsentForm({ consent, given, version, giveLabel }: Props) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(updateConsentAction, {});
  const confirmId = `${consent}-confirm`;
  const nameId = `${consent}-signedName`;
  const errors = [...(state.fieldErrors?.confirm ?? []), ...(state.fieldErrors?.version ?? [])];
  const nameErrors = state.fieldErrors?.signedName;
  // With JavaScript the form is not reset after a refusal: a tick or name typed while the refused post was on its
  // way (a quick second try) stays. Without JavaScript the page comes back with the refused post's values.
  const { formRef, onSubmit } = useKeepTyped(formAction, state);
  useFocusFirstError(state, formRef);
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} className="mt-4 space-y-3">
      <input type="hidden" name="consent" value={consent} />
      <input type="hidden" name="decision" value={given ? "withdraw" : "give"} />
      <input type="hidden" name="version" value={version} />
      {given ? null : (
        <>
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
          <div>
            <label htmlFor={nameId} className="block font-medium">
              Your full name (your signature)
            </label>
            <p id={`${nameId}-hint`} className="text-sm text-slate-600">
              Type your first and last name as they are on your record.
            </p>
            <input
              id={nameId}
              name="signedName"
              type="text"
              autoComplete="name"
              maxLength={200}
              defaultValue={shownValue(state, "signedName", "")}
              {...invalidProps(nameErrors, `${nameId}-error`, `${nameId}-hint`)}
              className="mt-1 w-full max-w-sm rounded border border-slate-400 px-3 py-2"
            />
            <FieldError id={`${nameId}-error`} errors={nameErrors} />
          </div>
        </>
      )}
      <div className="flex flex-wrap items-center gap-4">
        <button
          type="submit"
          disabled={pending}
          className={
            given
              ? "rounded border border-red-300 px-4 py-2 font-medium text-red-800 hover:bg-red-50 disabled:opacity-60"
              : "rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
          }
        >
          {given ? `Withdraw ${consentKindWords[consent]}` : (giveLabel ?? `Give ${consentKindWords[consent]}`)}
        </button>
        <FormStatus ok={state.ok} message={pending ? "Saving…" : state.message} />
      </div>
    </form>
  );
}

"use client";

import { useActionState } from "react";
import { updateMobileNumberAction } from "@/app/settings/actions/update-mobile-number";
import { FieldError, FormStatus, invalidProps } from "@/components/ui/field-error";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import { shownValue, type FormState } from "@/lib/forms";

/** The mobile number: a refused number stays as typed, with its error under it. Works without JavaScript. */
export function MobileNumberForm({ phone, phoneExample }: { phone: string; phoneExample: string }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(updateMobileNumberAction, {});
  const errors = state.fieldErrors ?? {};
  const formRef = useFocusFirstError(state);
  return (
    <form ref={formRef} action={formAction} className="space-y-4">
      <div>
        <label htmlFor="phone" className="block font-medium">
          Mobile number
        </label>
        <p id="phone-hint" className="text-sm text-slate-600">
          For example {phoneExample}; a number from another country with its + country code. Used only for the texts you
          turn on under Notifications.
        </p>
        <input
          id="phone"
          name="phone"
          type="tel"
          autoComplete="tel"
          defaultValue={shownValue(state, "phone", phone)}
          {...invalidProps(errors.phone, "phone-error", "phone-hint")}
          className="mt-1 w-full max-w-xs rounded border border-slate-300 px-3 py-2"
        />
        <FieldError id="phone-error" errors={errors.phone} />
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          Save contact details
        </button>
        <FormStatus ok={state.ok} message={pending ? "Saving…" : state.message} />
      </div>
    </form>
  );
}

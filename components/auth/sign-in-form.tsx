"use client";

import { useActionState } from "react";
import { requestSignInLinkAction, type SignInState } from "@/app/sign-in/actions";

export function SignInForm() {
  const [state, formAction, pending] = useActionState<SignInState, FormData>(requestSignInLinkAction, {});
  const emailError = state.fieldErrors?.email?.[0];
  return (
    <form action={formAction} className="mt-6 space-y-4" noValidate>
      <div>
        <label htmlFor="email" className="block text-sm font-medium">
          Email address
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          aria-invalid={emailError ? true : undefined}
          aria-describedby={emailError ? "email-error" : undefined}
          className="mt-1 w-full rounded border border-slate-300 px-3 py-2"
        />
        {emailError ? (
          <p id="email-error" className="mt-1 text-sm text-red-700">
            {emailError}
          </p>
        ) : null}
      </div>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "Sending…" : "Email me a sign-in link"}
      </button>
      <p aria-live="polite" role="status" className={state.ok ? "text-brand-800" : "text-red-700"}>
        {state.message}
      </p>
    </form>
  );
}

"use client";

import { useActionState, useState } from "react";
import { requestSignInLinkAction, type SignInState } from "@/app/sign-in/actions";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import { typedValue } from "@/lib/forms";

const RESENT_MESSAGE =
  "Check your email again: if this address belongs to an account, another sign-in link is on its way.";

/** `next`: the page to land on after the magic link (already checked to be a path on this site). */
export function SignInForm({ next }: { next?: string | null }) {
  // The server action itself (not a wrapper), so the form also works without JavaScript.
  const [state, formAction, pending] = useActionState<SignInState, FormData>(requestSignInLinkAction, {});
  // A second send says so in new words, so screen readers announce it and nobody wonders whether the click did anything.
  const [sends, setSends] = useState({ state, count: 0 });
  if (sends.state !== state) setSends({ state, count: sends.count + (state.sent ? 1 : 0) });
  // Controlled, so the address stays in the field after a send and "Send another link" needs no retyping.
  // Without JavaScript the page re-renders with the refused state: the typed address comes back from it.
  const [email, setEmail] = useState(typedValue(state, "email") ?? "");
  const emailError = state.fieldErrors?.email?.[0];
  const formRef = useFocusFirstError(state);
  // A field error is the one message shown for it; the status line carries everything else.
  const status = emailError ? undefined : state.sent && sends.count > 1 ? RESENT_MESSAGE : state.message;
  return (
    <form ref={formRef} action={formAction} className="mt-6 space-y-4" noValidate>
      {next ? <input type="hidden" name="next" value={next} /> : null}
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
          value={email}
          onChange={(event) => setEmail(event.target.value)}
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
        {pending ? "Sending…" : state.sent ? "Send another link" : "Email me a sign-in link"}
      </button>
      <p aria-live="polite" role="status" className={state.ok ? "text-brand-800" : "text-red-700"}>
        {status}
      </p>
      {state.sent ? (
        <p className="text-sm text-slate-600">
          No email after a few minutes? Check your spam folder and that the address above is right, then send another
          link. Each link works once, for 15 minutes.
        </p>
      ) : null}
    </form>
  );
}

"use client";

import Link from "next/link";
import { useActionState } from "react";
import { confirmUnsubscribeAction } from "@/app/unsubscribe/actions";
import { FormStatus } from "@/components/ui/field-error";
import type { FormState } from "@/lib/forms";

export function UnsubscribeForm({ token }: { token: string }) {
  const [state, confirm, pending] = useActionState<FormState, FormData>(confirmUnsubscribeAction, {});
  const done = state.message !== undefined;
  return (
    <form action={confirm} className="mt-4 space-y-3">
      <input type="hidden" name="token" value={token} />
      {done ? null : (
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          Stop email notifications
        </button>
      )}
      <FormStatus ok={state.ok} message={state.message} />
      {done ? (
        <p className="text-sm text-slate-700">
          <Link href="/settings" className="text-brand-700 underline">
            Go to your Settings
          </Link>{" "}
          to choose which emails and texts you get (you may be asked to sign in).
        </p>
      ) : null}
    </form>
  );
}

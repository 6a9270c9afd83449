"use client";

import { useActionState } from "react";
import { confirmUnsubscribeAction } from "@/app/unsubscribe/actions";
import { FormStatus } from "@/components/ui/field-error";
import type { FormState } from "@/lib/forms";

export function UnsubscribeForm({ token }: { token: string }) {
  const [state, confirm, pending] = useActionState<FormState, FormData>(confirmUnsubscribeAction, {});
  return (
    <form action={confirm} className="mt-4 space-y-3">
      <input type="hidden" name="token" value={token} />
      <button
        type="submit"
        disabled={pending || state.message !== undefined}
        className="rounded bg-brand-600 px-4 py-2 font-medium text-white disabled:opacity-60"
      >
        Stop email notifications
      </button>
      <FormStatus ok={state.ok} message={state.message} />
    </form>
  );
}

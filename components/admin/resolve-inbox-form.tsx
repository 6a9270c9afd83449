"use client";

import { useActionState } from "react";
import { resolveInboxMessageAction } from "@/app/admin/inbox/actions/resolve-inbox-message";
import { FormStatus } from "@/components/ui/field-error";
import type { FormState } from "@/lib/forms";

/** Staff record what an inbox message asked for; the outcome carries no note (nothing more about the patient is kept). */
export function ResolveInboxForm({ messageId, label }: { messageId: string; label: string }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(resolveInboxMessageAction, {});
  const button = "rounded border px-3 py-1.5 text-sm font-medium disabled:opacity-60";
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2" aria-label={`Resolve ${label}`}>
      <input type="hidden" name="messageId" value={messageId} />
      <button
        type="submit"
        name="outcome"
        value="texts_off"
        disabled={pending}
        className={`${button} border-red-700 text-red-800 hover:bg-red-50`}
      >
        Turn texts off
      </button>
      <button
        type="submit"
        name="outcome"
        value="no_change"
        disabled={pending}
        className={`${button} border-slate-300 hover:bg-slate-100`}
      >
        No change
      </button>
      <FormStatus ok={state.ok} message={pending ? "Saving…" : state.message} />
    </form>
  );
}

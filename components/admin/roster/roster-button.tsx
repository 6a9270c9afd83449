"use client";

import { useActionState, type ReactNode } from "react";
import { assignClinicianAction, unassignClinicianAction } from "@/app/admin/people/actions/assignments";
import { deactivateUserAction, reactivateUserAction } from "@/app/admin/people/actions/change-status";
import { sendSignInLinkAction } from "@/app/admin/people/actions/send-sign-in-link";
import { FieldError, FormStatus } from "@/components/ui/field-error";
import type { FormState } from "@/lib/forms";

const actions = {
  deactivate: deactivateUserAction,
  reactivate: reactivateUserAction,
  sendLink: sendSignInLinkAction,
  assign: assignClinicianAction,
  unassign: unassignClinicianAction,
};

/** One roster change on one row: a small form (works without JavaScript) with its own announced result. */
export function RosterButton({
  kind,
  fields,
  label,
  accessibleLabel,
  danger = false,
  children,
}: {
  kind: keyof typeof actions;
  fields: Record<string, string>;
  label: string;
  accessibleLabel: string;
  danger?: boolean;
  children?: ReactNode;
}) {
  const [state, act, pending] = useActionState<FormState, FormData>(actions[kind], {});
  const errors = Object.values(state.fieldErrors ?? {}).flat();
  return (
    <form action={act} className="flex flex-wrap items-center gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <button
        type="submit"
        disabled={pending}
        aria-label={accessibleLabel}
        className={`rounded border px-2 py-1 text-xs focus:outline-2 focus:outline-brand-600 disabled:opacity-60 ${
          danger ? "border-red-300 text-red-800 hover:bg-red-50" : "border-slate-300 hover:bg-slate-100"
        }`}
      >
        {label}
      </button>
      <FieldError id={`${kind}-${Object.values(fields).join("-")}-error`} errors={errors} />
      {state.message || pending ? <FormStatus ok={state.ok} message={pending ? "Saving…" : state.message} /> : null}
    </form>
  );
}

"use client";

import { useActionState } from "react";
import { updateCareContactAction } from "@/app/settings/actions/update-care-contact";
import { FieldError, FormStatus, invalidProps } from "@/components/ui/field-error";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import { shownValue, type FormState } from "@/lib/forms";

type Props = { name: string; relationship: string; email: string };

export function CareContactForm({ name, relationship, email }: Props) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(updateCareContactAction, {});
  const errors = state.fieldErrors ?? {};
  const formRef = useFocusFirstError(state);
  const input = "mt-1 w-full max-w-sm rounded border border-slate-300 px-3 py-2";
  const field = (
    id: "careContactName" | "careContactRelationship" | "careContactEmail",
    label: string,
    value: string,
    extra: object,
  ) => (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <input
        id={id}
        name={id}
        defaultValue={shownValue(state, id, value)}
        {...invalidProps(errors[id], `${id}-error`)}
        className={input}
        {...extra}
      />
      <FieldError id={`${id}-error`} errors={errors[id]} />
    </div>
  );
  return (
    <div className="space-y-3">
      <form ref={formRef} action={formAction} className="space-y-4">
        {field("careContactName", "Name", name, { autoComplete: "off" })}
        {field("careContactRelationship", "Relationship to you (optional)", relationship, {
          placeholder: "e.g. Daughter, Partner, Carer",
        })}
        {field("careContactEmail", "Email", email, { type: "email", autoComplete: "off" })}
        <div className="flex items-center gap-4">
          <button
            type="submit"
            disabled={pending}
            className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
          >
            Save care contact
          </button>
          <FormStatus ok={state.ok} message={pending ? "Saving…" : state.message} />
        </div>
      </form>
      {email ? (
        <form action={formAction}>
          <input type="hidden" name="careContactName" value="" />
          <input type="hidden" name="careContactRelationship" value="" />
          <input type="hidden" name="careContactEmail" value="" />
          <button
            type="submit"
            disabled={pending}
            className="rounded border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100"
          >
            Remove care contact
          </button>
        </form>
      ) : null}
    </div>
  );
}

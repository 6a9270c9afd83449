"use client";

import { useActionState } from "react";
import { inviteUserAction } from "@/app/admin/people/actions/invite-user";
import { describedBy, FieldError, FormStatus } from "@/components/ui/field-error";
import type { FormState } from "@/lib/forms";
import { useKeepTyped } from "./keep-typed";
import { timeZoneNames } from "@/lib/patients/time-zones";

const input = "mt-1 w-full rounded border border-slate-300 px-2 py-1 focus:outline-2 focus:outline-brand-600";

function TextField({
  name,
  label,
  errors,
  hint,
  ...rest
}: {
  name: string;
  label: string;
  errors?: string[];
  hint?: string;
} & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div>
      <label htmlFor={`invite-${name}`} className="block text-sm font-medium">
        {label}
      </label>
      {hint ? (
        <p id={`invite-${name}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      <input
        id={`invite-${name}`}
        name={name}
        className={input}
        aria-invalid={errors ? true : undefined}
        aria-describedby={describedBy(hint && `invite-${name}-hint`, errors && `invite-${name}-error`)}
        {...rest}
      />
      <FieldError id={`invite-${name}-error`} errors={errors} />
    </div>
  );
}

/** Invites a patient or clinician: they are registered and emailed the ordinary sign-in link. */
export function InviteForm({ clinicians }: { clinicians: { id: string; name: string }[] }) {
  const [state, invite, pending] = useActionState<FormState, FormData>(inviteUserAction, {});
  const errors = state.fieldErrors ?? {};
  const { formRef, onSubmit } = useKeepTyped(invite, state);
  return (
    <form ref={formRef} action={invite} onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2">
      <fieldset className="sm:col-span-2">
        <legend className="text-sm font-medium">Role</legend>
        <label className="mr-4">
          <input type="radio" name="role" value="patient" defaultChecked className="mr-1 accent-brand-600" />
          Patient
        </label>
        <label>
          <input type="radio" name="role" value="clinician" className="mr-1 accent-brand-600" />
          Clinician
        </label>
        <FieldError id="invite-role-error" errors={errors.role} />
      </fieldset>
      <TextField name="firstName" label="First name" autoComplete="off" required errors={errors.firstName} />
      <TextField name="lastName" label="Last name" autoComplete="off" errors={errors.lastName} />
      <TextField name="email" label="Email" type="email" autoComplete="off" required errors={errors.email} />
      <div>
        <label htmlFor="invite-timeZone" className="block text-sm font-medium">
          Time zone
        </label>
        <select
          id="invite-timeZone"
          name="timeZone"
          defaultValue="Europe/London"
          className={input}
          aria-describedby={describedBy(errors.timeZone && "invite-timeZone-error")}
        >
          {timeZoneNames.map((zone) => (
            <option key={zone}>{zone}</option>
          ))}
        </select>
        <FieldError id="invite-timeZone-error" errors={errors.timeZone} />
      </div>
      <TextField
        name="phone"
        label="Mobile number (patients, optional)"
        type="tel"
        autoComplete="off"
        hint="National in the patient's country, or with its + country code."
        errors={errors.phone}
      />
      <TextField
        name="country"
        label="Country code (patients, optional)"
        maxLength={2}
        autoComplete="off"
        hint="Two letters, like GB or US; blank: the time zone's country."
        errors={errors.country}
      />
      {clinicians.length > 0 ? (
        <fieldset
          className="sm:col-span-2"
          aria-describedby={describedBy(errors.clinicianIds && "invite-clinicians-error")}
        >
          <legend className="text-sm font-medium">Clinicians (patients only)</legend>
          <div className="flex flex-wrap gap-x-4">
            {clinicians.map((clinician) => (
              <label key={clinician.id}>
                <input type="checkbox" name="clinicianIds" value={clinician.id} className="mr-1 accent-brand-600" />
                {clinician.name}
              </label>
            ))}
          </div>
          <FieldError id="invite-clinicians-error" errors={errors.clinicianIds} />
        </fieldset>
      ) : null}
      <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 focus:outline-2 focus:outline-offset-2 focus:outline-brand-600 disabled:opacity-60"
        >
          Invite
        </button>
        <FormStatus ok={state.ok} message={pending ? "Inviting…" : state.message} />
      </div>
    </form>
  );
}

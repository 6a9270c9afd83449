"use client";

import { useActionState } from "react";
import { inviteUserAction } from "@/app/admin/people/actions/invite-user";
import { FieldError, FormStatus, invalidProps } from "@/components/ui/field-error";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import { shownChoices, shownValue, type FormState } from "@/lib/forms";
import { timeZoneNames } from "@/lib/patients/time-zones";

const input = "mt-1 w-full rounded border border-slate-300 px-2 py-1 focus:outline-2 focus:outline-brand-600";

function TextField({
  name,
  label,
  state,
  hint,
  ...rest
}: {
  name: string;
  label: string;
  state: FormState;
  hint?: string;
} & React.InputHTMLAttributes<HTMLInputElement>) {
  const errors = state.fieldErrors?.[name];
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
        defaultValue={shownValue(state, name, "")}
        {...invalidProps(errors, `invite-${name}-error`, hint && `invite-${name}-hint`)}
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
  // A refusal answers with what was typed (with or without JavaScript); a success shows an empty form again.
  const formRef = useFocusFirstError(state);
  const role = shownValue(state, "role", "patient");
  const timeZone = shownValue(state, "timeZone", "Europe/London");
  const chosenClinicians = shownChoices(state, "clinicianIds");
  return (
    <form ref={formRef} action={invite} className="grid gap-3 sm:grid-cols-2">
      <fieldset className="sm:col-span-2">
        <legend className="text-sm font-medium">Role</legend>
        <label className="mr-4">
          <input
            type="radio"
            name="role"
            value="patient"
            defaultChecked={role === "patient"}
            className="mr-1 accent-brand-600"
          />
          Patient
        </label>
        <label>
          <input
            type="radio"
            name="role"
            value="clinician"
            defaultChecked={role === "clinician"}
            className="mr-1 accent-brand-600"
          />
          Clinician
        </label>
        <FieldError id="invite-role-error" errors={errors.role} />
      </fieldset>
      <TextField name="firstName" label="First name" autoComplete="off" required state={state} />
      <TextField name="lastName" label="Last name" autoComplete="off" state={state} />
      <TextField name="email" label="Email" type="email" autoComplete="off" required state={state} />
      <div>
        <label htmlFor="invite-timeZone" className="block text-sm font-medium">
          Time zone
        </label>
        <select
          id="invite-timeZone"
          name="timeZone"
          // Keyed by its value: React sets a select's default only on mount, and the form resets to it after a save.
          key={timeZone}
          defaultValue={timeZone}
          className={input}
          {...invalidProps(errors.timeZone, "invite-timeZone-error")}
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
        state={state}
      />
      <TextField
        name="country"
        label="Country code (patients, optional)"
        maxLength={2}
        autoComplete="off"
        hint="Two letters, like GB or US; blank: the time zone's country."
        state={state}
      />
      {clinicians.length > 0 ? (
        <fieldset
          className="sm:col-span-2"
          aria-describedby={errors.clinicianIds ? "invite-clinicians-error" : undefined}
        >
          <legend className="text-sm font-medium">Clinicians (patients only)</legend>
          <div className="flex flex-wrap gap-x-4">
            {clinicians.map((clinician) => (
              <label key={clinician.id}>
                <input
                  type="checkbox"
                  name="clinicianIds"
                  value={clinician.id}
                  defaultChecked={chosenClinicians.includes(clinician.id)}
                  className="mr-1 accent-brand-600"
                />
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

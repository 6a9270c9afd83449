"use client";

import { useActionState } from "react";
import { bookAppointmentAction } from "@/app/schedule/actions/book-appointment";
import { FieldError, FormStatus, invalidProps } from "@/components/ui/field-error";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import { shownValue, type FormState } from "@/lib/forms";

export function BookAppointmentForm({ patients }: { patients: { id: string; name: string }[] }) {
  const [state, book, pending] = useActionState<FormState, FormData>(bookAppointmentAction, {});
  const errors = state.fieldErrors ?? {};
  const formRef = useFocusFirstError(state);
  const modality = shownValue(state, "modality", "telehealth");
  const field = "rounded border border-slate-300 px-2 py-1";
  return (
    <form ref={formRef} action={book} className="grid gap-3 sm:grid-cols-2">
      <div>
        <label htmlFor="patientId" className="block text-sm font-medium">
          Patient
        </label>
        <select
          id="patientId"
          name="patientId"
          className={`${field} w-full`}
          // Keyed by its value: React sets a select's default only on mount, and the form resets to it after a save.
          key={shownValue(state, "patientId", "")}
          defaultValue={shownValue(state, "patientId", patients[0]?.id ?? "")}
          {...invalidProps(errors.patientId, "patientId-error")}
        >
          {patients.map((patient) => (
            <option key={patient.id} value={patient.id}>
              {patient.name}
            </option>
          ))}
        </select>
        <FieldError id="patientId-error" errors={errors.patientId} />
      </div>
      <div>
        <label htmlFor="startsAt" className="block text-sm font-medium">
          Date and time (your time zone)
        </label>
        <input
          id="startsAt"
          name="startsAt"
          type="datetime-local"
          required
          className={`${field} w-full`}
          defaultValue={shownValue(state, "startsAt", "")}
          {...invalidProps(errors.startsAt, "startsAt-error")}
        />
        <FieldError id="startsAt-error" errors={errors.startsAt} />
      </div>
      <div>
        <label htmlFor="durationMinutes" className="block text-sm font-medium">
          Length
        </label>
        <select
          id="durationMinutes"
          name="durationMinutes"
          key={shownValue(state, "durationMinutes", "30")}
          defaultValue={shownValue(state, "durationMinutes", "30")}
          className={`${field} w-full`}
          {...invalidProps(errors.durationMinutes, "durationMinutes-error")}
        >
          {[15, 30, 45, 60].map((minutes) => (
            <option key={minutes} value={minutes}>
              {minutes} minutes
            </option>
          ))}
        </select>
        <FieldError id="durationMinutes-error" errors={errors.durationMinutes} />
      </div>
      <fieldset>
        <legend className="text-sm font-medium">Kind</legend>
        <label className="mr-4">
          <input
            type="radio"
            name="modality"
            value="telehealth"
            defaultChecked={modality === "telehealth"}
            className="mr-1 accent-brand-600"
          />
          Video visit
        </label>
        <label>
          <input
            type="radio"
            name="modality"
            value="in_person"
            defaultChecked={modality === "in_person"}
            className="mr-1 accent-brand-600"
          />
          In person
        </label>
      </fieldset>
      <div className="flex items-center gap-4 sm:col-span-2">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          Book appointment
        </button>
        <FormStatus ok={state.ok} message={pending ? "Booking…" : state.message} />
      </div>
    </form>
  );
}

"use client";

import { useActionState, useState } from "react";
import { bookAppointmentAction } from "@/app/schedule/actions/book-appointment";
import { FieldError, FormStatus, invalidProps } from "@/components/ui/field-error";
import { useKeepTyped } from "@/components/admin/roster/keep-typed";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import { formatDateTime } from "@/lib/format";
import { shownValue, type FormState } from "@/lib/forms";
import { isRealLocalDateTime, zonedTimeToUtc } from "@/lib/zoned-time";
import { OverrideFields } from "./override-fields";

type PatientOption = { id: string; name: string; timeZone: string };

/**
 * Books in the clinician's zone and shows the chosen slot in the patient's zone as it is typed. Every field is
 * controlled, so a refused booking keeps what was typed.
 */
export function BookAppointmentForm({
  patients,
  timeZone,
  clinicianId,
  clinicianName,
}: {
  patients: PatientOption[];
  timeZone: string;
  /** an admin booking for this clinician (and may override the rules); absent on the clinician's own page */
  clinicianId?: string;
  clinicianName?: string;
}) {
  const [state, book, pending] = useActionState<FormState, FormData>(bookAppointmentAction, {});
  const [patientId, setPatientId] = useState(() => shownValue(state, "patientId", patients[0]?.id ?? ""));
  const [startsAt, setStartsAt] = useState(() => shownValue(state, "startsAt", ""));
  const [duration, setDuration] = useState(() => shownValue(state, "durationMinutes", "30"));
  const [modality, setModality] = useState(() => shownValue(state, "modality", "telehealth"));
  const errors = state.fieldErrors ?? {};
  // Submitted without React's form reset: the reset puts a controlled <select> back to its first option (the length
  // came back as 30 after a refused 45) while React's state still says 45. The fields stay as chosen after a booking.
  const { formRef, onSubmit } = useKeepTyped(book, state, false);
  useFocusFirstError(state, formRef);
  const field = "rounded border border-slate-300 px-2 py-1";
  const patient = patients.find((p) => p.id === patientId);
  const whose = clinicianName ? `${clinicianName}'s time zone` : "your time zone";
  const patientTime =
    patient && isRealLocalDateTime(startsAt)
      ? formatDateTime(zonedTimeToUtc(startsAt, timeZone), patient.timeZone)
      : null;
  return (
    <form ref={formRef} action={book} onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2">
      {clinicianId ? <input type="hidden" name="clinicianId" value={clinicianId} /> : null}
      <div>
        <label htmlFor="patientId" className="block text-sm font-medium">
          Patient
        </label>
        <select
          id="patientId"
          name="patientId"
          value={patientId}
          onChange={(event) => setPatientId(event.target.value)}
          className={`${field} w-full`}
          {...invalidProps(errors.patientId, "patientId-error")}
        >
          {patients.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </select>
        <FieldError id="patientId-error" errors={errors.patientId} />
      </div>
      <div>
        <label htmlFor="startsAt" className="block text-sm font-medium">
          Date and time ({whose}, {timeZone})
        </label>
        <input
          id="startsAt"
          name="startsAt"
          type="datetime-local"
          required
          value={startsAt}
          onChange={(event) => setStartsAt(event.target.value)}
          className={`${field} w-full`}
          {...invalidProps(errors.startsAt, "startsAt-error", "startsAt-patient-time")}
        />
        <p id="startsAt-patient-time" className="mt-1 text-sm text-slate-600" aria-live="polite">
          {patient
            ? `${patient.name}'s time zone is ${patient.timeZone}${patientTime ? `: ${patientTime} for them.` : "."}`
            : null}
        </p>
        <FieldError id="startsAt-error" errors={errors.startsAt} />
      </div>
      <div>
        <label htmlFor="durationMinutes" className="block text-sm font-medium">
          Length
        </label>
        <select
          id="durationMinutes"
          name="durationMinutes"
          value={duration}
          onChange={(event) => setDuration(event.target.value)}
          className={`${field} w-full`}
        >
          {[15, 30, 45, 60].map((minutes) => (
            <option key={minutes} value={minutes}>
              {minutes} minutes
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend className="text-sm font-medium">Kind</legend>
        {(
          [
            ["telehealth", "Video visit"],
            ["in_person", "In person"],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="mr-4">
            <input
              type="radio"
              name="modality"
              value={value}
              checked={modality === value}
              onChange={() => setModality(value)}
              className="mr-1 accent-brand-600"
            />
            {label}
          </label>
        ))}
      </fieldset>
      {clinicianId ? (
        <div className="sm:col-span-2">
          <OverrideFields idPrefix="book" state={state} />
        </div>
      ) : null}
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

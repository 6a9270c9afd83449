"use client";

import { useActionState, useState } from "react";
import { saveWorkingHoursAction } from "@/app/schedule/actions/save-working-hours";
import { describedBy, FieldError, FormStatus } from "@/components/ui/field-error";
import type { FormState } from "@/lib/forms";
import { weekdayOrder, weekdays } from "@/lib/appointments/working-hours";

/** A week of working hours, one line per weekday; several intervals a day are separated by commas. */
export function WorkingHoursForm({
  initial,
  clinicianId,
  timeZone,
}: {
  /** text per weekday number ("08:00-18:00"), blank for a day off */
  initial: Record<number, string>;
  clinicianId?: string;
  timeZone: string;
}) {
  const [state, save, pending] = useActionState<FormState, FormData>(saveWorkingHoursAction, {});
  const [days, setDays] = useState(initial);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={save} className="space-y-3">
      {clinicianId ? <input type="hidden" name="clinicianId" value={clinicianId} /> : null}
      <p id="hours-hint" className="text-sm text-slate-600">
        Times in {timeZone}, 24-hour, e.g. <code>08:00-12:00, 13:00-18:00</code>. Leave a day blank for a day off.
      </p>
      {weekdayOrder.map((day) => {
        const id = `day${day}`;
        return (
          <div key={day} className="grid items-start gap-1 sm:grid-cols-[8rem_1fr]">
            <label htmlFor={id} className="pt-1 text-sm font-medium">
              {weekdays[day]}
            </label>
            <div>
              <input
                id={id}
                name={id}
                value={days[day] ?? ""}
                onChange={(event) => setDays({ ...days, [day]: event.target.value })}
                className="w-full rounded border border-slate-300 px-2 py-1"
                aria-describedby={describedBy("hours-hint", errors[id] && `${id}-error`)}
              />
              <FieldError id={`${id}-error`} errors={errors[id]} />
            </div>
          </div>
        );
      })}
      <div className="flex items-center gap-4">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          Save working hours
        </button>
        <FormStatus ok={state.ok} message={pending ? "Saving…" : state.message} />
      </div>
    </form>
  );
}

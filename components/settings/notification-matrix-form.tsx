"use client";

import { startTransition, useActionState, useOptimistic } from "react";
import {
  updateNotificationMatrixAction,
  updateTextHoursAction,
} from "@/app/settings/actions/update-notification-matrix";
import { describedBy, FieldError, FormStatus } from "@/components/ui/field-error";
import type { FormState } from "@/lib/forms";

export type MatrixValues = Record<
  | "appointmentUpdatesEmail"
  | "appointmentUpdatesText"
  | "remindersEmail"
  | "remindersText"
  | "progressUpdatesEmail"
  | "progressUpdatesText"
  | "reminder24h"
  | "reminder1h"
  | "reminder15m",
  boolean
>;

const rows = [
  { category: "appointmentUpdates", label: "Appointment updates", hint: "Confirmations, new times, cancellations" },
  { category: "reminders", label: "Reminders", hint: "Before each appointment, as chosen below" },
  { category: "progressUpdates", label: "Progress updates", hint: "That your clinician added an update" },
] as const;
const reminders = [
  { name: "reminder24h", label: "24 hours before" },
  { name: "reminder1h", label: "1 hour before" },
  { name: "reminder15m", label: "15 minutes before, with the video link" },
] as const;
const box = "h-5 w-5 accent-brand-600 focus-visible:outline-2 focus-visible:outline-brand-600";

/** The matrix of kinds × channels and the reminders wanted: saved at once with JavaScript, by the button without. */
export function NotificationMatrixForm({ stored, notes }: { stored: MatrixValues; notes: string[] }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(updateNotificationMatrixAction, {});
  const [shown, showOptimistic] = useOptimistic(stored);

  function saveNow(event: React.ChangeEvent<HTMLInputElement>) {
    const data = new FormData(event.currentTarget.form!);
    const next = Object.fromEntries(Object.keys(stored).map((key) => [key, data.get(key) === "on"])) as MatrixValues;
    startTransition(() => {
      showOptimistic(next);
      formAction(data);
    });
  }

  return (
    <form action={formAction} aria-describedby="matrix-status" className="space-y-4 pt-4">
      <h3 id="matrix-heading" className="font-medium">
        What reaches you, and how
      </h3>
      {notes.map((note) => (
        <p key={note} className="text-sm text-slate-600">
          {note}
        </p>
      ))}
      <table className="w-full max-w-xl text-left text-sm" aria-labelledby="matrix-heading">
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">
              Message
            </th>
            <th scope="col" className="px-2 py-2 text-center font-medium">
              Email
            </th>
            <th scope="col" className="px-2 py-2 text-center font-medium">
              Text
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.category} className="border-b border-slate-100">
              <th scope="row" className="py-2 pr-4 font-normal">
                <span id={`${row.category}-label`} className="font-medium">
                  {row.label}
                </span>
                <span className="block text-xs text-slate-600">{row.hint}</span>
              </th>
              {(["Email", "Text"] as const).map((channel) => {
                const name = `${row.category}${channel}` as keyof MatrixValues;
                return (
                  <td key={channel} className="px-2 py-2 text-center">
                    <input
                      type="checkbox"
                      name={name}
                      aria-label={`${row.label} by ${channel.toLowerCase()}`}
                      checked={shown[name]}
                      onChange={saveNow}
                      className={box}
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <fieldset>
        <legend className="font-medium">Which reminders</legend>
        <div className="mt-2 flex flex-col gap-2 sm:flex-row sm:gap-6">
          {reminders.map((reminder) => (
            <label key={reminder.name} className="flex items-center gap-2">
              <input
                type="checkbox"
                name={reminder.name}
                checked={shown[reminder.name]}
                onChange={saveNow}
                className={box}
              />
              {reminder.label}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex items-center gap-4">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-60"
        >
          Save message choices
        </button>
        <div id="matrix-status">
          <FormStatus ok={state.ok} message={pending ? "Saving…" : state.message} />
        </div>
      </div>
    </form>
  );
}

/** The patient's own hours for texts, inside the clinic's; blank both to use the clinic's. */
export function TextHoursForm({ start, end, clinicHours }: { start: string; end: string; clinicHours: string }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(updateTextHoursAction, {});
  const errors = state.fieldErrors ?? {};
  // The error sits beside the label, not in it: it is the field's description, never part of its name.
  const field = (name: "textHoursStart" | "textHoursEnd", label: string, value: string) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={name} className="font-medium">
        {label}
      </label>
      <input
        id={name}
        type="time"
        name={name}
        defaultValue={value}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={describedBy("text-hours-hint", errors[name] && `${name}-error`)}
        className="rounded border border-slate-300 px-2 py-1 focus-visible:outline-2 focus-visible:outline-brand-600"
      />
      <FieldError id={`${name}-error`} errors={errors[name]} />
    </div>
  );
  return (
    <form action={formAction} className="space-y-3 pt-4" aria-describedby="text-hours-status">
      <h3 className="font-medium">My hours for texts</h3>
      <p id="text-hours-hint" className="text-sm text-slate-600">
        {clinicHours} You can narrow them: a text due outside your hours waits for them, or is not sent if it would be
        too late. Leave both blank to use the clinic&apos;s hours.
      </p>
      <div className="flex flex-wrap gap-4">
        {field("textHoursStart", "From", start)}
        {field("textHoursEnd", "Until", end)}
      </div>
      <div className="flex items-center gap-4">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-60"
        >
          Save my hours
        </button>
        <div id="text-hours-status">
          <FormStatus ok={state.ok} message={pending ? "Saving…" : state.message} />
        </div>
      </div>
    </form>
  );
}

"use client";

import { useActionState } from "react";
import { saveProgressNoteAction } from "@/app/schedule/actions/save-progress-note";
import { FieldError, FormStatus, invalidProps } from "@/components/ui/field-error";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import { shownValue, type FormState } from "@/lib/forms";

type Correctable = { id: string; label: string };

/** A new note, or a correction of one that has none yet. Works without JavaScript. */
export function ProgressNoteForm({
  appointmentId,
  correctable,
  patientFirstName,
}: {
  appointmentId: string;
  correctable: Correctable[];
  patientFirstName: string;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(saveProgressNoteAction, {});
  const errors = state.fieldErrors ?? {};
  const formRef = useFocusFirstError(state);
  const input = "mt-1 w-full rounded border border-slate-300 px-3 py-2";
  return (
    <form ref={formRef} action={formAction} className="space-y-4">
      <input type="hidden" name="appointmentId" value={appointmentId} />
      <div>
        <label htmlFor="privateNote" className="block font-medium">
          Private clinical note
        </label>
        <p id="privateNote-hint" className="text-sm text-slate-600">
          For the care team only. Never shown to {patientFirstName} or sent anywhere.
        </p>
        <textarea
          id="privateNote"
          name="privateNote"
          rows={6}
          required
          defaultValue={shownValue(state, "privateNote", "")}
          {...invalidProps(errors.privateNote, "privateNote-error", "privateNote-hint")}
          className={input}
        />
        <FieldError id="privateNote-error" errors={errors.privateNote} />
      </div>
      <div>
        <label htmlFor="patientSummary" className="block font-medium">
          Summary for {patientFirstName}
        </label>
        <p id="patientSummary-hint" className="text-sm text-slate-600">
          Shown on {patientFirstName}&apos;s Progress page, and emailed to their care contact only if they consented to
          sharing.
        </p>
        <textarea
          id="patientSummary"
          name="patientSummary"
          rows={4}
          required
          defaultValue={shownValue(state, "patientSummary", "")}
          {...invalidProps(errors.patientSummary, "patientSummary-error", "patientSummary-hint")}
          className={input}
        />
        <FieldError id="patientSummary-error" errors={errors.patientSummary} />
      </div>
      {correctable.length > 0 ? (
        <div>
          <label htmlFor="correctsNoteId" className="block font-medium">
            This note
          </label>
          <select
            id="correctsNoteId"
            name="correctsNoteId"
            // Keyed by its value: React sets a select's default only on mount, and the form resets to it after a save.
            key={shownValue(state, "correctsNoteId", "")}
            defaultValue={shownValue(state, "correctsNoteId", "")}
            {...invalidProps(errors.correctsNoteId, "correctsNoteId-error")}
            className="mt-1 rounded border border-slate-300 px-3 py-2"
          >
            <option value="">is a new note</option>
            {correctable.map((note) => (
              <option key={note.id} value={note.id}>
                corrects the note of {note.label}
              </option>
            ))}
          </select>
          <FieldError id="correctsNoteId-error" errors={errors.correctsNoteId} />
        </div>
      ) : null}
      <div className="flex items-center gap-4">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          Save note
        </button>
        <FormStatus ok={state.ok} message={pending ? "Saving…" : state.message} />
      </div>
      <p className="text-sm text-slate-600">
        Saved notes cannot be edited. To fix one, write a correction; both are kept.
      </p>
    </form>
  );
}

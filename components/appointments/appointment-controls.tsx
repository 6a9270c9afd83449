"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { rescheduleAppointmentAction } from "@/app/schedule/actions/reschedule-appointment";
import { FieldError, FormStatus, invalidProps } from "@/components/ui/field-error";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import { shownValue, type FormState } from "@/lib/forms";
import { OverrideFields } from "./override-fields";

/**
 * Reschedule (folded under "Change time", so the card shows one date format) and a link to the cancel confirmation;
 * both work without JavaScript.
 */
export function AppointmentControls({
  appointmentId,
  localStartsAt,
  timeZone,
  admin = false,
}: {
  appointmentId: string;
  localStartsAt: string;
  timeZone: string;
  admin?: boolean;
}) {
  const [moved, reschedule, moving] = useActionState<FormState, FormData>(rescheduleAppointmentAction, {});
  // Controlled, so a refused time stays in the field to be corrected.
  const [startsAt, setStartsAt] = useState(() => shownValue(moved, "startsAt", localStartsAt));
  const inputId = `startsAt-${appointmentId}`;
  const rescheduleForm = useFocusFirstError(moved);
  return (
    <div className="flex flex-wrap items-start gap-3 text-sm">
      <details open={Boolean(moved.fieldErrors)} className="min-w-0 flex-1">
        <summary className="cursor-pointer text-brand-700">Change time</summary>
        <form ref={rescheduleForm} action={reschedule} className="mt-2 flex flex-wrap items-end gap-2">
          <input type="hidden" name="appointmentId" value={appointmentId} />
          <div>
            <label htmlFor={inputId} className="block text-xs text-slate-600">
              New time ({timeZone})
            </label>
            <input
              id={inputId}
              name="startsAt"
              type="datetime-local"
              value={startsAt}
              onChange={(event) => setStartsAt(event.target.value)}
              {...invalidProps(moved.fieldErrors?.startsAt, `${inputId}-error`)}
              className="rounded border border-slate-300 px-2 py-1"
            />
          </div>
          <button
            type="submit"
            disabled={moving}
            className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100"
          >
            Reschedule
          </button>
          <div className="w-full">
            <FieldError id={`${inputId}-error`} errors={moved.fieldErrors?.startsAt} />
          </div>
          {admin ? (
            <div className="w-full">
              <OverrideFields idPrefix={inputId} state={moved} />
            </div>
          ) : null}
        </form>
      </details>
      <Link
        href={`/schedule/${appointmentId}/cancel`}
        className="rounded border border-red-300 px-3 py-1 text-red-800 hover:bg-red-50"
      >
        Cancel appointment
      </Link>
      <div className="w-full">
        <FormStatus ok={moved.ok} message={moved.message} />
      </div>
    </div>
  );
}

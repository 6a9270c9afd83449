"use client";

import { useActionState } from "react";
import { cancelAppointmentAction } from "@/app/schedule/actions/cancel-appointment";
import { rescheduleAppointmentAction } from "@/app/schedule/actions/reschedule-appointment";
import { FieldError, FormStatus, invalidProps } from "@/components/ui/field-error";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import { shownValue, type FormState } from "@/lib/forms";

/** Reschedule and cancel for one scheduled appointment, each a plain form that also works without JavaScript. */
export function AppointmentControls({
  appointmentId,
  localStartsAt,
}: {
  appointmentId: string;
  localStartsAt: string;
}) {
  const [moved, reschedule, moving] = useActionState<FormState, FormData>(rescheduleAppointmentAction, {});
  const [cancelled, cancel, cancelling] = useActionState<FormState, FormData>(cancelAppointmentAction, {});
  const inputId = `startsAt-${appointmentId}`;
  const rescheduleForm = useFocusFirstError(moved);
  return (
    <div className="flex flex-wrap items-end gap-3 text-sm">
      <form ref={rescheduleForm} action={reschedule} className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="appointmentId" value={appointmentId} />
        <div>
          <label htmlFor={inputId} className="block text-xs text-slate-600">
            New time
          </label>
          <input
            id={inputId}
            name="startsAt"
            type="datetime-local"
            defaultValue={shownValue(moved, "startsAt", localStartsAt)}
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
        <FieldError id={`${inputId}-error`} errors={moved.fieldErrors?.startsAt} />
      </form>
      <form action={cancel}>
        <input type="hidden" name="appointmentId" value={appointmentId} />
        <button
          type="submit"
          disabled={cancelling}
          className="rounded border border-red-300 px-3 py-1 text-red-800 hover:bg-red-50"
        >
          Cancel appointment
        </button>
      </form>
      <FormStatus ok={moved.ok ?? cancelled.ok} message={moved.message ?? cancelled.message} />
    </div>
  );
}

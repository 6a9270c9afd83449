"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { cancelAppointmentAction } from "@/app/schedule/actions/cancel-appointment";
import { describedBy, FieldError, FormStatus } from "@/components/ui/field-error";
import type { FormState } from "@/lib/forms";

/**
 * The confirming form: an optional reason (kept for staff, never sent to the patient), then cancel or keep. The page
 * renders it whatever the status, so its "Cancelled." survives the page's refresh after the action.
 */
export function CancelAppointmentForm({
  appointmentId,
  backHref,
  closedAs,
}: {
  appointmentId: string;
  backHref: string;
  /** the appointment's status when it is no longer scheduled: nothing to cancel */
  closedAs?: string;
}) {
  const [state, cancel, pending] = useActionState<FormState, FormData>(cancelAppointmentAction, {});
  const [reason, setReason] = useState("");
  const errors = state.fieldErrors ?? {};
  if (state.ok)
    return (
      <div className="space-y-3">
        <FormStatus ok message={state.message} />
        <Link href={backHref} className="text-brand-700 underline">
          Back to the schedule
        </Link>
      </div>
    );
  if (closedAs) return <p className="text-slate-700">This appointment is {closedAs}; there is nothing to cancel.</p>;
  return (
    <form action={cancel} className="space-y-3">
      <input type="hidden" name="appointmentId" value={appointmentId} />
      <div>
        <label htmlFor="reason" className="block text-sm font-medium">
          Reason (optional; kept on the appointment for staff, never sent to the patient)
        </label>
        <textarea
          id="reason"
          name="reason"
          maxLength={200}
          rows={2}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          className="w-full rounded border border-slate-300 px-2 py-1"
          aria-describedby={describedBy(errors.reason && "reason-error")}
        />
        <FieldError id="reason-error" errors={errors.reason} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-red-700 px-4 py-2 font-medium text-white hover:bg-red-800 disabled:opacity-60"
        >
          Yes, cancel the appointment
        </button>
        <Link href={backHref} className="rounded border border-slate-300 px-4 py-2">
          No, keep it
        </Link>
      </div>
      <FormStatus ok={state.ok} message={state.message} />
    </form>
  );
}

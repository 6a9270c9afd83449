"use client";

import { useActionState } from "react";
import { recordStaffRequestAction } from "@/app/admin/inbox/actions/record-staff-request";
import { describedBy, FieldError, FormStatus } from "@/components/ui/field-error";
import type { FormState } from "@/lib/forms";

const control = "mt-1 w-full max-w-sm rounded border border-slate-300 px-3 py-2";

/** A request the patient made by phone, in person, by letter or email, recorded by staff and applied at once. */
export function StaffRequestForm() {
  const [state, formAction, pending] = useActionState<FormState, FormData>(recordStaffRequestAction, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="space-y-4">
      <div>
        <label htmlFor="patientEmail" className="block font-medium">
          Patient&apos;s email address
        </label>
        <input
          id="patientEmail"
          name="patientEmail"
          type="email"
          autoComplete="off"
          required
          aria-invalid={errors.patientEmail ? true : undefined}
          aria-describedby={describedBy(errors.patientEmail && "patientEmail-error")}
          className={control}
        />
        <FieldError id="patientEmail-error" errors={errors.patientEmail} />
      </div>
      <div>
        <label htmlFor="request" className="block font-medium">
          The patient asked to stop
        </label>
        <select id="request" name="request" className={control} defaultValue="texts_off">
          <option value="texts_off">Text messages (SMS and WhatsApp)</option>
          <option value="email_off">Email notifications</option>
          <option value="reminders_off">Appointment reminders</option>
        </select>
        <FieldError id="request-error" errors={errors.request} />
      </div>
      <div>
        <label htmlFor="means" className="block font-medium">
          How the patient asked
        </label>
        <select id="means" name="means" className={control} defaultValue="phone">
          <option value="phone">By phone</option>
          <option value="in_person">In person</option>
          <option value="letter">By letter</option>
          <option value="email">By email</option>
        </select>
        <FieldError id="means-error" errors={errors.means} />
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          Record the request
        </button>
        <FormStatus ok={state.ok} message={pending ? "Saving…" : state.message} />
      </div>
    </form>
  );
}

"use client";

import { useActionState, useEffect, useRef } from "react";
import { updateContactAction } from "@/app/settings/actions/update-contact";
import { describedBy, FieldError, FormStatus } from "@/components/ui/field-error";
import type { FormState } from "@/lib/forms";
import { listedTimeZone, timeZoneNames } from "@/lib/patients/time-zones";

type Props = { phone: string; phoneExample: string; timeZone: string; suggestBrowserZone: boolean };

export function ContactForm({ phone, phoneExample, timeZone, suggestBrowserZone }: Props) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(updateContactAction, {});
  const errors = state.fieldErrors ?? {};
  const zoneSelect = useRef<HTMLSelectElement>(null);

  // First visit: preselect the browser's zone (a DOM default, not a save: the patient confirms with Save).
  useEffect(() => {
    const browserZone = listedTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
    if (suggestBrowserZone && zoneSelect.current && browserZone) zoneSelect.current.value = browserZone;
  }, [suggestBrowserZone]);
  // A zone saved before the list last changed stays choosable rather than silently becoming another.
  const zones = timeZoneNames.includes(timeZone) ? timeZoneNames : [timeZone, ...timeZoneNames];

  return (
    <form action={formAction} className="space-y-4">
      <div>
        <label htmlFor="phone" className="block font-medium">
          Mobile number
        </label>
        <p id="phone-hint" className="text-sm text-slate-600">
          For example {phoneExample}; a number from another country with its + country code. Used only for the texts you
          turn on above.
        </p>
        <input
          id="phone"
          name="phone"
          type="tel"
          autoComplete="tel"
          defaultValue={phone}
          aria-invalid={errors.phone ? true : undefined}
          aria-describedby={describedBy("phone-hint", errors.phone && "phone-error")}
          className="mt-1 w-full max-w-xs rounded border border-slate-300 px-3 py-2"
        />
        <FieldError id="phone-error" errors={errors.phone} />
      </div>
      <div>
        <label htmlFor="timeZone" className="block font-medium">
          Time zone
        </label>
        <p id="timeZone-hint" className="text-sm text-slate-600">
          Appointment times in messages and on this portal are shown in this zone.
          {suggestBrowserZone ? " We picked your browser's zone; save to keep it." : ""}
        </p>
        <select
          id="timeZone"
          name="timeZone"
          ref={zoneSelect}
          defaultValue={timeZone}
          aria-invalid={errors.timeZone ? true : undefined}
          aria-describedby={describedBy("timeZone-hint", errors.timeZone && "timeZone-error")}
          className="mt-1 w-full max-w-xs rounded border border-slate-300 px-3 py-2"
        >
          {zones.map((zone) => (
            <option key={zone}>{zone}</option>
          ))}
        </select>
        <FieldError id="timeZone-error" errors={errors.timeZone} />
      </div>
      <div className="flex items-center gap-4">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          Save contact details
        </button>
        <FormStatus ok={state.ok} message={pending ? "Saving…" : state.message} />
      </div>
    </form>
  );
}

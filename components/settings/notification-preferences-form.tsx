"use client";

import { startTransition, useActionState, useOptimistic } from "react";
import { updateNotificationPreferencesAction } from "@/app/settings/actions/update-notification-preferences";
import { describedBy, FieldError, FormStatus } from "@/components/ui/field-error";
import { SwitchField } from "@/components/ui/switch-field";
import type { FormState } from "@/lib/forms";

export type NotificationValues = {
  emailNotifications: boolean;
  textMessages: boolean;
  textChannel: "sms" | "whatsapp";
  whatsappOptIn: boolean;
  appointmentReminders: boolean;
};

const valuesOf = (data: FormData): NotificationValues => ({
  emailNotifications: data.get("emailNotifications") === "on",
  textMessages: data.get("textMessages") === "on",
  textChannel: data.get("textChannel") === "whatsapp" ? "whatsapp" : "sms",
  whatsappOptIn: data.get("whatsappOptIn") === "on",
  appointmentReminders: data.get("appointmentReminders") === "on",
});

export function NotificationPreferencesForm({ stored, hasPhone }: { stored: NotificationValues; hasPhone: boolean }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(updateNotificationPreferencesAction, {});
  // Shows the new value at once; when the save fails the stored value comes back.
  const [shown, showOptimistic] = useOptimistic(stored);
  const errors = state.fieldErrors ?? {};

  function saveNow(event: React.ChangeEvent<HTMLInputElement>) {
    const data = new FormData(event.currentTarget.form!);
    startTransition(() => {
      showOptimistic(valuesOf(data));
      formAction(data);
    });
  }

  return (
    <form action={formAction} className="divide-y divide-slate-200" aria-describedby="notifications-status">
      <SwitchField
        name="emailNotifications"
        label="Email notifications"
        hint="Confirmations, reminders and changes to your appointments by email. Sign-in links always arrive."
        checked={shown.emailNotifications}
        onChange={saveNow}
        errors={errors.emailNotifications}
      />
      <SwitchField
        name="textMessages"
        label="Text messages"
        hint={
          hasPhone
            ? "The same messages as texts to your mobile number."
            : "Add your mobile number under Contact to turn texts on."
        }
        checked={shown.textMessages}
        onChange={saveNow}
        errors={errors.textMessages}
      />
      <fieldset
        className="py-3"
        aria-describedby={describedBy("textChannel-hint", errors.textChannel && "textChannel-error")}
      >
        <legend className="font-medium">Send my texts by</legend>
        <p id="textChannel-hint" className="text-sm text-slate-600">
          WhatsApp needs its own opt-in below, as WhatsApp requires.
        </p>
        <div className="mt-2 flex gap-6">
          {(["sms", "whatsapp"] as const).map((channel) => (
            <label key={channel} className="flex items-center gap-2">
              <input
                type="radio"
                name="textChannel"
                value={channel}
                checked={shown.textChannel === channel}
                onChange={saveNow}
                className="h-4 w-4 accent-brand-600"
              />
              {channel === "sms" ? "SMS" : "WhatsApp"}
            </label>
          ))}
        </div>
        <FieldError id="textChannel-error" errors={errors.textChannel} />
        <label className="mt-3 flex items-start gap-2">
          <input
            type="checkbox"
            name="whatsappOptIn"
            checked={shown.whatsappOptIn}
            onChange={saveNow}
            aria-invalid={errors.whatsappOptIn ? true : undefined}
            aria-describedby={errors.whatsappOptIn ? "whatsappOptIn-error" : undefined}
            className="mt-1 h-4 w-4 accent-brand-600"
          />
          <span>I agree to receive messages from the clinic on WhatsApp.</span>
        </label>
        <FieldError id="whatsappOptIn-error" errors={errors.whatsappOptIn} />
      </fieldset>
      <SwitchField
        name="appointmentReminders"
        label="Appointment reminders"
        hint="Reminders 24 hours, 1 hour and 15 minutes before, and the video link. Confirmations, cancellations and reschedules still reach you."
        checked={shown.appointmentReminders}
        onChange={saveNow}
        errors={errors.appointmentReminders}
      />
      <div className="flex items-center gap-4 pt-4">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          Save notification choices
        </button>
        <div id="notifications-status">
          <FormStatus ok={state.ok} message={pending ? "Saving…" : state.message} />
        </div>
      </div>
    </form>
  );
}

"use client";

import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { updateNotificationPreferencesAction } from "@/app/settings/actions/update-notification-preferences";
import { describedBy, FieldError, FormStatus } from "@/components/ui/field-error";
import { SwitchField } from "@/components/ui/switch-field";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { FormState, FormValues } from "@/lib/forms";

export type NotificationValues = {
  emailNotifications: boolean;
  textMessages: boolean;
  textChannel: "sms" | "whatsapp";
  whatsappOptIn: boolean;
  appointmentReminders: boolean;
};

type Switch = Exclude<keyof NotificationValues, "textChannel">;

// Arrowing through the radios is one choice, saved once it settles, not one save per option passed.
const RADIO_SETTLE_MS = 400;

const fromPost = (values: FormValues): NotificationValues => ({
  emailNotifications: values.emailNotifications === "on",
  textMessages: values.textMessages === "on",
  textChannel: values.textChannel === "whatsapp" ? "whatsapp" : "sms",
  whatsappOptIn: values.whatsappOptIn === "on",
  appointmentReminders: values.appointmentReminders === "on",
});

function toFormData(values: NotificationValues): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === "string") data.set(key, value);
    else if (value) data.set(key, "on");
  }
  return data;
}

const sameValues = (a: NotificationValues, b: NotificationValues) => JSON.stringify(a) === JSON.stringify(b);

/**
 * With JavaScript each switch saves when flipped and a radio choice when it settles ("Saved" is announced); without
 * it the same fields post with the button, which is only rendered then.
 */
export function NotificationPreferencesForm({ stored, hasPhone }: { stored: NotificationValues; hasPhone: boolean }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(updateNotificationPreferencesAction, {});
  const hydrated = useHydrated();
  // A refused post without JavaScript shows what was sent; with it, a refused switch returns to what is stored.
  const [shown, setShown] = useState<NotificationValues>(() => (state.values ? fromPost(state.values) : stored));
  const [seen, setSeen] = useState({ stored, state });
  if (seen.stored !== stored || seen.state !== state) {
    setSeen({ stored, state });
    if (seen.stored !== stored || state.ok === false) setShown(stored);
  }
  const [waitingForOptIn, setWaitingForOptIn] = useState(false);
  const radioTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(radioTimer.current), []);
  const errors = state.fieldErrors ?? {};

  function save(next: NotificationValues) {
    // WhatsApp texts need the opt-in first: wait for the tick rather than send a save that must be refused.
    const needsOptIn = next.textMessages && next.textChannel === "whatsapp" && !next.whatsappOptIn;
    setWaitingForOptIn(needsOptIn);
    if (needsOptIn || sameValues(next, stored)) return;
    startTransition(() => formAction(toFormData(next)));
  }

  function flip(name: Switch) {
    return (event: React.ChangeEvent<HTMLInputElement>) => {
      const next = { ...shown, [name]: event.currentTarget.checked };
      setShown(next);
      clearTimeout(radioTimer.current);
      save(next);
    };
  }

  function choose(event: React.ChangeEvent<HTMLInputElement>) {
    const next = { ...shown, textChannel: event.currentTarget.value as NotificationValues["textChannel"] };
    setShown(next);
    clearTimeout(radioTimer.current);
    radioTimer.current = setTimeout(() => save(next), RADIO_SETTLE_MS);
  }

  return (
    <form
      action={formAction}
      className="divide-y divide-slate-200"
      aria-describedby="notifications-status"
      data-enhanced={hydrated ? "true" : undefined}
    >
      <SwitchField
        name="emailNotifications"
        label="Email notifications"
        hint="Confirmations, reminders and changes to your appointments by email. Sign-in links always arrive."
        checked={shown.emailNotifications}
        onChange={flip("emailNotifications")}
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
        onChange={flip("textMessages")}
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
                onChange={choose}
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
            onChange={flip("whatsappOptIn")}
            aria-invalid={errors.whatsappOptIn ? true : undefined}
            aria-describedby={describedBy(
              waitingForOptIn && "whatsappOptIn-needed",
              errors.whatsappOptIn && "whatsappOptIn-error",
            )}
            className="mt-1 h-4 w-4 accent-brand-600"
          />
          <span>I agree to receive messages from the clinic on WhatsApp.</span>
        </label>
        {waitingForOptIn ? (
          <p id="whatsappOptIn-needed" className="mt-1 text-sm font-medium text-slate-700">
            Tick the WhatsApp opt-in to get your texts by WhatsApp; until then they stay on SMS.
          </p>
        ) : null}
        <FieldError id="whatsappOptIn-error" errors={errors.whatsappOptIn} />
      </fieldset>
      <SwitchField
        name="appointmentReminders"
        label="Appointment reminders"
        hint="Reminders 24 hours, 1 hour and 15 minutes before, and the video link. Confirmations, cancellations and reschedules still reach you."
        checked={shown.appointmentReminders}
        onChange={flip("appointmentReminders")}
        errors={errors.appointmentReminders}
      />
      <div className="flex flex-wrap items-center gap-4 pt-4">
        {hydrated ? null : (
          <button
            type="submit"
            className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
          >
            Save notification choices
          </button>
        )}
        <FormStatus id="notifications-status" ok={state.ok} message={pending ? "Saving…" : state.message} />
      </div>
    </form>
  );
}

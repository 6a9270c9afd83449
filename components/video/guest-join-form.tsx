"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/**
 * The guest gives a name, chooses their role (the clinician's suggestion preselected), where they are, and answers the
 * recording and transcription questions; the link then works no more.
 */
export function GuestJoinForm({
  appointmentId,
  token,
  suggestedRole,
}: {
  appointmentId: string;
  token: string;
  suggestedRole: "companion" | "interpreter";
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(form: FormData) {
    setBusy(true);
    setError(null);
    const region = String(form.get("region") ?? "").trim();
    const response = await fetch(`/api/guest/${appointmentId}/join`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        token,
        displayName: String(form.get("displayName") ?? ""),
        role: form.get("role") === "interpreter" ? "interpreter" : "companion",
        ...(region ? { region } : {}),
        recordingConsent: form.get("recording") === "yes",
        // Unticked is a no: transcription is off unless the guest asks for it.
        transcriptionConsent: form.get("transcription") === "on",
      }),
    }).catch(() => null);
    const body = response ? await response.json().catch(() => ({})) : {};
    setBusy(false);
    if (!response?.ok) return setError(body.error ?? "You could not join just now. Please try again.");
    router.refresh();
  }

  return (
    <form action={submit} className="max-w-md space-y-4">
      <label className="block">
        <span className="font-medium">Your name</span>
        <input name="displayName" required maxLength={80} className="mt-1 block w-full rounded border px-3 py-2" />
      </label>
      <fieldset className="space-y-2">
        <legend className="font-medium">You are joining as</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="role" value="companion" defaultChecked={suggestedRole === "companion"} /> A
          companion
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="role" value="interpreter" defaultChecked={suggestedRole === "interpreter"} /> An
          interpreter
        </label>
      </fieldset>
      <label className="block">
        <span className="font-medium">Your state or region (two letters, optional)</span>
        <input name="region" maxLength={2} className="mt-1 block w-24 rounded border px-3 py-2" />
      </label>
      <fieldset className="space-y-2">
        <legend className="font-medium">May this visit be recorded while you take part?</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="recording" value="yes" required /> Yes, I consent to recording
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="recording" value="no" /> No
        </label>
      </fieldset>
      <label className="flex items-start gap-2">
        <input type="checkbox" name="transcription" className="mt-1" />
        <span>
          I consent to this visit being transcribed (the video service turns what is said into text, kept with the
          patient&apos;s record)
        </span>
      </label>
      <button type="submit" disabled={busy} className="rounded bg-brand-600 px-4 py-2 font-medium text-white">
        Join the visit
      </button>
      <p role="alert" aria-live="assertive" className="text-red-700">
        {error}
      </p>
    </form>
  );
}

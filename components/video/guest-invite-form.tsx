"use client";

import { useState } from "react";

/**
 * The clinician invites a companion or an interpreter to this visit: a single-use link sent by email or text. The
 * link is never shown here; the server sends it as it sends sign-in links.
 */
export function GuestInviteForm({ appointmentId }: { appointmentId: string }) {
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function invite(form: FormData) {
    setBusy(true);
    setResult(null);
    const address = String(form.get("address") ?? "").trim();
    const response = await fetch(`/api/sessions/${appointmentId}/guests`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        role: form.get("role") === "interpreter" ? "interpreter" : "companion",
        ...(address.startsWith("+") ? { phone: address.replace(/[\s()-]/g, "") } : { email: address }),
      }),
    }).catch(() => null);
    const body = response ? await response.json().catch(() => ({})) : {};
    setBusy(false);
    setResult(
      response?.ok
        ? { ok: true, message: body.message ?? "The invitation is on its way." }
        : { ok: false, message: body.error ?? "The invitation could not be sent. Please try again." },
    );
  }

  return (
    <form action={invite} className="space-y-3 rounded-lg border border-slate-300 p-4" aria-label="Invite a guest">
      <h2 className="font-semibold">Invite a companion or an interpreter</h2>
      <p className="text-sm text-slate-700">
        They get a link that works once, for this visit only, confirm their role and are asked whether the visit may be
        recorded.
      </p>
      <fieldset className="flex gap-4">
        <legend className="sr-only">Their role (a suggestion: they choose on joining)</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="role" value="companion" defaultChecked /> Companion
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="role" value="interpreter" /> Interpreter
        </label>
      </fieldset>
      <label className="block">
        <span className="font-medium">Email address or mobile number (with +country code)</span>
        <input
          name="address"
          required
          maxLength={254}
          autoComplete="off"
          className="mt-1 block w-full max-w-md rounded border px-3 py-2"
        />
      </label>
      <button type="submit" disabled={busy} className="rounded bg-brand-600 px-4 py-2 font-medium text-white">
        Send the invitation
      </button>
      <p
        role={result && !result.ok ? "alert" : "status"}
        aria-live="polite"
        data-testid="guest-invite-result"
        className={result?.ok ? "text-sm text-slate-700" : "text-sm text-red-700"}
      >
        {result?.message}
      </p>
    </form>
  );
}

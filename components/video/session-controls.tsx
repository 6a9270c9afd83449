"use client";

import Link from "next/link";
import { useState } from "react";

/** Posts to one of the visit's lifecycle routes; the answer's error, or null once it went through. */
export async function postVisitAction(url: string): Promise<string | null> {
  const response = await fetch(url, { method: "POST" }).catch(() => null);
  if (response?.ok) return null;
  const body = response ? await response.json().catch(() => ({})) : {};
  return body.error ?? "That did not go through. Please try again.";
}

/** The clinician's Leave and End for everyone; ending asks once more, as it disconnects everyone. */
export function SessionControls({
  appointmentId,
  onLeft,
  onEnded,
  showLeave,
}: {
  appointmentId: string;
  onLeft: () => void;
  onEnded: () => void;
  /** the Twilio room has its own Leave button */
  showLeave: boolean;
}) {
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(action: "leave" | "end") {
    setBusy(true);
    const failed = await postVisitAction(`/api/sessions/${appointmentId}/${action}`);
    setBusy(false);
    setConfirmEnd(false);
    setError(failed);
    if (!failed) (action === "end" ? onEnded : onLeft)();
  }

  return (
    <div className="space-y-1">
      <div className="flex flex-wrap gap-2">
        {showLeave ? (
          <button
            type="button"
            disabled={busy}
            onClick={() => run("leave")}
            className="rounded border border-slate-400 px-3 py-1"
          >
            Leave
          </button>
        ) : null}
        {confirmEnd ? (
          <button
            type="button"
            disabled={busy}
            onClick={() => run("end")}
            className="rounded bg-red-700 px-3 py-1 font-medium text-white"
          >
            Yes, end the visit for everyone
          </button>
        ) : (
          <button
            type="button"
            disabled={busy}
            onClick={() => setConfirmEnd(true)}
            className="rounded bg-red-700 px-3 py-1 font-medium text-white"
          >
            End for everyone
          </button>
        )}
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** After the visit: it has ended, and the clinician is offered the progress note for it. */
export function SessionEnded({ appointmentId }: { appointmentId: string }) {
  return (
    <div role="status" className="space-y-2 rounded-lg border border-brand-600 bg-brand-50 p-4">
      <p className="text-lg font-semibold text-brand-800">This visit has ended.</p>
      <p>
        <Link href={`/schedule/${appointmentId}/notes`} className="font-medium text-brand-700 underline">
          Write the progress note for this visit
        </Link>
      </p>
    </div>
  );
}

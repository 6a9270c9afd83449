"use client";

import { useState } from "react";

type Action = "stop" | "record" | "withdraw" | "stop-transcription" | "transcribe";

/**
 * The patient stops recording from the visit page: for this visit, or consent withdrawn for all visits; and stops
 * transcription for this visit. The server switches the room off before it answers; the banner follows on the next poll.
 */
export function VisitRecordingControls({
  appointmentId,
  declinedForVisit,
  consent,
  transcriptionConsent = false,
  transcriptionDeclinedForVisit = false,
}: {
  appointmentId: string;
  declinedForVisit: boolean;
  consent: boolean;
  /** the patient's stored transcription consent: only then is there a transcription to stop */
  transcriptionConsent?: boolean;
  transcriptionDeclinedForVisit?: boolean;
}) {
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);

  async function choose(action: Action) {
    setBusy(true);
    const response = await fetch(`/api/visits/${appointmentId}/recording`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ action }),
    }).catch(() => null);
    const body = response ? await response.json().catch(() => ({})) : {};
    setBusy(false);
    setConfirmWithdraw(false);
    setMessage(response?.ok ? body.message : (body.error ?? "That did not go through. Please try again."));
  }

  if (!consent && !transcriptionConsent) return null;
  return (
    <div className="space-y-2 rounded-lg border border-slate-300 p-3">
      {consent ? (
        <div className="flex flex-wrap gap-2">
          {declinedForVisit ? (
            <button
              type="button"
              disabled={busy}
              onClick={() => choose("record")}
              className="rounded border border-slate-400 px-3 py-1"
            >
              Allow recording this visit
            </button>
          ) : (
            <button
              type="button"
              disabled={busy}
              onClick={() => choose("stop")}
              className="rounded bg-red-700 px-3 py-1 font-medium text-white"
            >
              Stop recording
            </button>
          )}
          {confirmWithdraw ? (
            <button
              type="button"
              disabled={busy}
              onClick={() => choose("withdraw")}
              className="rounded bg-red-700 px-3 py-1 font-medium text-white"
            >
              Yes, withdraw my consent for all visits
            </button>
          ) : (
            <button
              type="button"
              disabled={busy}
              onClick={() => setConfirmWithdraw(true)}
              className="rounded border border-slate-400 px-3 py-1"
            >
              Withdraw consent for all visits
            </button>
          )}
        </div>
      ) : null}
      {transcriptionConsent ? (
        <div className="flex flex-wrap gap-2">
          {transcriptionDeclinedForVisit ? (
            <button
              type="button"
              disabled={busy}
              onClick={() => choose("transcribe")}
              className="rounded border border-slate-400 px-3 py-1"
            >
              Allow transcription this visit
            </button>
          ) : (
            <button
              type="button"
              disabled={busy}
              onClick={() => choose("stop-transcription")}
              className="rounded bg-red-700 px-3 py-1 font-medium text-white"
            >
              Stop transcription
            </button>
          )}
        </div>
      ) : null}
      <p aria-live="polite" className="text-sm text-slate-700" data-testid="recording-choice-result">
        {message}
      </p>
    </div>
  );
}

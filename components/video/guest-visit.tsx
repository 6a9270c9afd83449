"use client";

import { CameraPreview } from "./camera-preview";
import { RoomConsentSummary } from "./room-consent-summary";
import { useRecordingState } from "./use-recording-state";

/** The guest in the visit: whether it records and transcribes, and who keeps each off, as everyone in it sees it. */
export function GuestVisit({ appointmentId }: { appointmentId: string }) {
  const state = useRecordingState(
    appointmentId,
    { started: false, recording: false, consent: true },
    () => 2000,
    undefined,
    `/api/guest/${appointmentId}/state`,
  );
  return (
    <div className="space-y-4">
      <p role="status" aria-live="polite" data-testid="recording-status" className="rounded-lg border p-3 font-medium">
        {state.recording
          ? "This visit is being recorded."
          : state.offReason
            ? `${state.offReason}.`
            : "This visit is not being recorded."}
      </p>
      <RoomConsentSummary
        recording={state.recording}
        transcribing={Boolean(state.transcribing)}
        transcriptionOffReason={state.transcriptionOffReason}
      />
      <CameraPreview />
    </div>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { CameraPreview } from "./camera-preview";
import { LiveRoom } from "./live-room";
import { RoomConsentSummary } from "./room-consent-summary";
import { postVisitAction } from "./session-controls";
import { useRecordingState, type RecordingState } from "./use-recording-state";

/**
 * The guest in the visit: whether it records and who keeps it off, as everyone in the visit sees it. In a Twilio room
 * in progress the guest is in the room (the recording line follows its own events too); else the camera preview.
 */
export function GuestVisit({
  appointmentId,
  initial,
  room,
  videoConfigured,
}: {
  appointmentId: string;
  /** the state as the page was rendered, so the first answer shows before the first poll */
  initial: RecordingState;
  /** a token for this visit's Twilio room, or null in the local preview and before the room is open */
  room: { token: string; roomName: string } | null;
  videoConfigured: boolean;
}) {
  const router = useRouter();
  const [left, setLeft] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [roomRecording, setRoomRecording] = useState<boolean | null>(null);
  const onRecordingChange = useCallback((recording: boolean) => setRoomRecording(recording), []);
  const state = useRecordingState(appointmentId, initial, () => 2000, undefined, `/api/guest/${appointmentId}/state`);
  const ended = Boolean(state.roomEnded) || (state.phase === "ended" && !room);
  const inTwilioRoom = Boolean(room) && !left && !ended;

  // The clinician opened the Twilio room after the guest joined: the page fetches its token.
  useEffect(() => {
    if (videoConfigured && !room && state.phase === "open") router.refresh();
  }, [videoConfigured, room, state.phase, router]);

  async function leave() {
    setLeft(true);
    setRoomRecording(null);
    setError(await postVisitAction(`/api/guest/${appointmentId}/leave`));
  }

  if (ended || left) {
    return (
      <div className="space-y-2">
        <p
          role="status"
          aria-live="polite"
          className="rounded-lg border border-brand-600 bg-brand-50 p-4 font-semibold"
        >
          {ended ? "This visit has ended." : "You left the visit."}
        </p>
        {error ? (
          <p role="alert" className="text-red-700">
            {error}
          </p>
        ) : null}
      </div>
    );
  }
  const recording = inTwilioRoom ? (roomRecording ?? state.recording) : state.recording;
  return (
    <div className="space-y-4">
      <p role="status" aria-live="polite" data-testid="recording-status" className="rounded-lg border p-3 font-medium">
        {recording
          ? "This visit is being recorded."
          : state.offReason
            ? `${state.offReason}.`
            : "This visit is not being recorded."}
      </p>
      <RoomConsentSummary
        recording={recording}
        transcribing={Boolean(state.transcribing)}
        transcriptionOffReason={state.transcriptionOffReason}
      />
      {inTwilioRoom && room ? (
        <LiveRoom
          token={room.token}
          roomName={room.roomName}
          onRecordingChange={onRecordingChange}
          onLeave={() => void leave()}
        />
      ) : (
        <>
          <CameraPreview controls />
          <button type="button" onClick={() => void leave()} className="rounded border border-slate-400 px-3 py-1">
            Leave
          </button>
        </>
      )}
    </div>
  );
}

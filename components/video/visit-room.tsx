"use client";

import { useCallback, useState } from "react";
import { CameraPreview } from "./camera-preview";
import { LiveRoom } from "./live-room";
import { useRecordingState } from "./use-recording-state";

type Joined = { mode: "twilio" | "local-preview"; token: string | null };

/** The patient's side: join the room the clinician opened; the same recording indicator, so they always know. */
export function VisitRoom({ appointmentId, roomName }: { appointmentId: string; roomName: string }) {
  const state = useRecordingState(appointmentId, { started: false, recording: false, consent: false });
  const [joined, setJoined] = useState<Joined | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [roomRecording, setRoomRecording] = useState<boolean | null>(null);
  const onRecordingChange = useCallback((recording: boolean) => setRoomRecording(recording), []);
  const recording = roomRecording ?? state.recording;

  async function join() {
    const response = await fetch(`/api/visits/${appointmentId}/token`, { method: "POST" });
    const body = await response.json();
    if (!response.ok) return setMessage(body.error ?? "You cannot join yet.");
    setMessage(null);
    setJoined(body);
  }

  return (
    <div className="space-y-4">
      <p
        role="status"
        className={`rounded-lg border p-3 font-medium ${recording || state.stopping ? "border-red-600 bg-red-50 text-red-900" : "border-slate-300 bg-white"}`}
      >
        {state.stopping
          ? "Recording is being stopped, as you asked."
          : recording
            ? "This visit is being recorded, as you agreed."
            : "This visit is not being recorded."}
      </p>
      {joined?.mode === "twilio" && joined.token ? (
        <LiveRoom
          token={joined.token}
          roomName={roomName}
          onRecordingChange={onRecordingChange}
          onLeave={() => setJoined(null)}
        />
      ) : (
        <CameraPreview />
      )}
      {joined ? (
        <p className="text-sm text-slate-700">
          {joined.mode === "local-preview" ? "Joined in local preview mode (video is not configured here)." : "Joined."}
        </p>
      ) : (
        <button
          type="button"
          onClick={join}
          className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
        >
          Join video visit
        </button>
      )}
      {message ? (
        <p role="alert" className="text-amber-900">
          {message}
        </p>
      ) : null}
    </div>
  );
}

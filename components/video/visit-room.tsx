"use client";

import Link from "next/link";
import { useCallback, useState } from "react";
import type { VisitPhase } from "@/lib/video/types";
import { CameraPreview } from "./camera-preview";
import { LiveRoom } from "./live-room";
import { useRecordingState, type RecordingState } from "./use-recording-state";
import { VisitRecordingControls } from "./visit-recording-controls";
import { RecordThisVisit } from "./record-this-visit";
import { postVisitAction } from "./session-controls";
import { RoomConsentSummary } from "./room-consent-summary";
import { waitingRoomView, type RecordingLine } from "./waiting-room-view";

type Joined = { mode: "twilio" | "local-preview"; token: string | null };

// Nothing changes after a cancellation; an ended room is checked now and then in case the clinician starts another.
const pollEvery: Record<VisitPhase, number | null> = {
  cancelled: null,
  ended: 10_000,
  early: 2000,
  waiting: 2000,
  open: 2000,
};
const pollInterval = (state: RecordingState) => pollEvery[state.phase ?? "waiting"];

const recordingStyle: Record<RecordingLine["tone"], string> = {
  recording: "border-red-600 bg-red-50 text-red-900",
  stopping: "border-red-600 bg-red-50 text-red-900",
  planned: "border-slate-300 bg-white text-slate-900",
  off: "border-slate-300 bg-white text-slate-900",
};

/**
 * The patient's waiting room and visit: follows the session as the server holds it (started, cancelled, ended),
 * joins on its own once the clinician starts if the patient asked to, and always says whether it records.
 */
export function VisitRoom({
  appointmentId,
  roomName,
  clinicianName,
  startsAt,
  opensAt,
  consentGivenOn,
  transcriptionGivenOn = null,
  initial,
}: {
  appointmentId: string;
  roomName: string;
  clinicianName: string;
  startsAt: string;
  opensAt: string;
  /** when the patient's stored recording consent was given, as they read dates; null without consent */
  consentGivenOn: string | null;
  /** when the patient's stored transcription consent was given, as they read dates; null without it */
  transcriptionGivenOn?: string | null;
  initial: RecordingState & { phase: VisitPhase };
}) {
  const [joined, setJoined] = useState<Joined | null>(null);
  const [waitingToJoin, setWaitingToJoin] = useState(false);
  const [joining, setJoining] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [roomRecording, setRoomRecording] = useState<boolean | null>(null);
  // A "Not this time" given earlier in this visit stands after a reload or a rejoin, until the patient changes it.
  const [recordThisVisit, setRecordThisVisit] = useState(!initial.declinedForVisit);
  const [transcribeThisVisit, setTranscribeThisVisit] = useState(!initial.transcriptionDeclinedForVisit);
  const onRecordingChange = useCallback((recording: boolean) => setRoomRecording(recording), []);

  const join = useCallback(async () => {
    setJoining(true);
    setError(null);
    const response = await fetch(`/api/visits/${appointmentId}/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        ...(consentGivenOn ? { recordThisVisit } : {}),
        ...(transcriptionGivenOn ? { transcribeThisVisit } : {}),
      }),
    }).catch(() => null);
    const body = response ? await response.json().catch(() => ({})) : {};
    setJoining(false);
    setWaitingToJoin(false);
    if (!response?.ok) return setError(body.error ?? "You could not join just now. Please try again.");
    setJoined(body);
  }, [appointmentId, consentGivenOn, recordThisVisit, transcriptionGivenOn, transcribeThisVisit]);

  const leaveRoom = useCallback(() => {
    setJoined(null);
    setRoomRecording(null);
  }, []);
  const leave = useCallback(async () => {
    leaveRoom();
    setError(await postVisitAction(`/api/visits/${appointmentId}/leave`));
  }, [appointmentId, leaveRoom]);

  const state = useRecordingState(appointmentId, initial, pollInterval, (next) => {
    // The clinician ended the visit for everyone: out of the room, and the page says it has ended.
    if (next.roomEnded && joined) return leaveRoom();
    // The clinician started while the patient waited: join without another click.
    if (next.phase === "open" && waitingToJoin && !joined && !joining) void join();
  });
  const phase = state.phase ?? initial.phase;

  const view = waitingRoomView({
    phase,
    joined: joined?.mode ?? null,
    waitingToJoin,
    joining,
    recording: roomRecording ?? state.recording,
    stopping: Boolean(state.stopping),
    consent: state.consent,
    offReason: state.offReason,
    declinedForVisit: state.declinedForVisit,
    clinicianName,
    startsAt,
    opensAt,
  });

  return (
    <div className="space-y-4">
      <div role="status" aria-live="polite" className="space-y-3" data-testid="visit-status">
        <div className="rounded-lg border border-brand-600 bg-brand-50 p-4">
          <p className="text-lg font-semibold text-brand-800">{view.headline}</p>
          {view.detail ? <p className="mt-1 text-slate-800">{view.detail}</p> : null}
          {phase === "cancelled" || phase === "ended" ? (
            <p className="mt-2">
              <Link href="/appointments" className="text-brand-700 underline">
                Your appointments
              </Link>
            </p>
          ) : null}
        </div>
        {view.recording ? (
          <p
            className={`flex items-center gap-2 rounded-lg border p-3 font-medium ${recordingStyle[view.recording.tone]}`}
            data-testid="recording-status"
          >
            {view.recording.tone === "recording" || view.recording.tone === "stopping" ? (
              <span aria-hidden className="inline-block h-3 w-3 shrink-0 rounded-full bg-red-600" />
            ) : null}
            <span>
              {view.recording.text}
              {view.recording.tone === "planned" ? (
                <>
                  {" "}
                  You can withdraw your consent in{" "}
                  <Link href="/settings" className="text-brand-700 underline">
                    Settings
                  </Link>
                  .
                </>
              ) : null}
            </span>
          </p>
        ) : null}
      </div>
      {view.offerJoin && consentGivenOn && state.consent ? (
        <RecordThisVisit consentGivenOn={consentGivenOn} value={recordThisVisit} onChange={setRecordThisVisit} />
      ) : null}
      {view.offerJoin && transcriptionGivenOn && state.transcriptionConsent ? (
        <RecordThisVisit
          question="transcribe"
          consentGivenOn={transcriptionGivenOn}
          value={transcribeThisVisit}
          onChange={setTranscribeThisVisit}
        />
      ) : null}
      {joined ? (
        <RoomConsentSummary
          recording={roomRecording ?? state.recording}
          transcribing={Boolean(state.transcribing)}
          transcriptionOffReason={state.transcriptionOffReason}
        />
      ) : null}
      {joined ? (
        <VisitRecordingControls
          appointmentId={appointmentId}
          consent={state.consent}
          declinedForVisit={Boolean(state.declinedForVisit)}
          transcriptionConsent={Boolean(state.transcriptionConsent)}
          transcriptionDeclinedForVisit={Boolean(state.transcriptionDeclinedForVisit)}
        />
      ) : null}
      {view.offerJoin ? (
        <button
          type="button"
          onClick={() => (phase === "open" ? void join() : setWaitingToJoin(true))}
          className="w-full rounded bg-brand-600 px-4 py-3 font-medium text-white hover:bg-brand-700 sm:w-auto"
        >
          Join video visit
        </button>
      ) : null}
      {error ? (
        <p role="alert" className="rounded border border-amber-400 bg-amber-50 p-3 text-amber-900">
          {error}
        </p>
      ) : null}
      {joined?.mode === "twilio" && joined.token ? (
        <LiveRoom
          token={joined.token}
          roomName={roomName}
          onRecordingChange={onRecordingChange}
          onLeave={() => void leave()}
        />
      ) : view.showCamera ? (
        <CameraPreview controls={joined !== null} />
      ) : null}
      {joined?.mode === "local-preview" ? (
        <button type="button" onClick={() => void leave()} className="rounded border border-slate-400 px-3 py-1">
          Leave
        </button>
      ) : null}
    </div>
  );
}

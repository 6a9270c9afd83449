"use client";

import { useCallback, useState } from "react";
import { CameraPreview } from "./camera-preview";
import { LiveRoom } from "./live-room";
import { RecordingStatus } from "./recording-status";
import { RoomConsentSummary } from "./room-consent-summary";
import { useRecordingState } from "./use-recording-state";

type Props = {
  appointmentId: string;
  firstName: string;
  consentGivenOn: string | null;
  recordingIfStarted: boolean;
  videoConfigured: boolean;
};
type Joined = {
  mode: "twilio" | "local-preview";
  token: string | null;
  roomName: string;
  recording: boolean;
  transcribing: boolean;
};

/** The clinician's session: preview, start through the server, then the room; the banner follows the server's state. */
export function VideoRoom({ appointmentId, firstName, consentGivenOn, recordingIfStarted, videoConfigured }: Props) {
  const polled = useRecordingState(appointmentId, {
    started: false,
    recording: recordingIfStarted,
    consent: recordingIfStarted,
  });
  const [joined, setJoined] = useState<Joined | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [roomRecording, setRoomRecording] = useState<boolean | null>(null);
  const [clinicianConsents, setClinicianConsents] = useState(true);
  // Transcription is off unless asked for: the clinician's box starts unticked.
  const [clinicianTranscribes, setClinicianTranscribes] = useState(false);
  const [resumeResult, setResumeResult] = useState<string | null>(null);
  const [resumeTranscriptionResult, setResumeTranscriptionResult] = useState<string | null>(null);
  const onRecordingChange = useCallback((recording: boolean) => setRoomRecording(recording), []);

  // Before the start: what the server will apply (consent now). After: the session row, and the room's own events.
  const recording = joined
    ? polled.recording && polled.consent && roomRecording !== false
    : polled.consent && clinicianConsents;

  async function start() {
    setError(null);
    const response = await fetch(`/api/sessions/${appointmentId}/room`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ recordingConsent: clinicianConsents, transcriptionConsent: clinicianTranscribes }),
    });
    if (!response.ok) return setError("The session could not be started. Please try again.");
    setJoined(await response.json());
  }

  async function resume() {
    const response = await fetch(`/api/sessions/${appointmentId}/recording`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ action: "resume" }),
    }).catch(() => null);
    const body = response ? await response.json().catch(() => ({})) : {};
    setResumeResult(response?.ok ? "Recording resumed." : (body.error ?? "Recording could not be resumed."));
  }

  async function resumeTranscription() {
    const response = await fetch(`/api/sessions/${appointmentId}/recording`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ action: "resume-transcription" }),
    }).catch(() => null);
    const body = response ? await response.json().catch(() => ({})) : {};
    setResumeTranscriptionResult(
      response?.ok ? "Transcription resumed." : (body.error ?? "Transcription could not be resumed."),
    );
  }

  // The start's answer until the first poll after it; then the session row as the server holds it.
  const transcribing = polled.started ? Boolean(polled.transcribing) : Boolean(joined?.transcribing);

  // Someone keeps it off while the patient's stored consent stands: name them (the patient's own "no" is the banner).
  const offReason = polled.consent && (joined || !clinicianConsents) ? (polled.offReason ?? null) : null;

  return (
    <div className="space-y-4">
      <RecordingStatus
        recording={recording}
        stopping={Boolean(joined && polled.stopping)}
        started={Boolean(joined)}
        firstName={firstName}
        consentGivenOn={consentGivenOn}
        offReason={!joined && !clinicianConsents ? "Recording is off: you have not consented" : offReason}
      />
      {joined ? (
        <RoomConsentSummary
          recording={recording}
          transcribing={transcribing}
          transcriptionOffReason={polled.transcriptionOffReason}
        />
      ) : null}
      {joined && !transcribing && polled.transcriptionConsent ? (
        <div className="space-y-1">
          <button
            type="button"
            onClick={resumeTranscription}
            className="rounded border border-brand-600 px-3 py-1 font-medium text-brand-800"
          >
            Resume transcription
          </button>
          <p aria-live="polite" className="text-sm text-slate-700" data-testid="resume-transcription-result">
            {resumeTranscriptionResult}
          </p>
        </div>
      ) : null}
      {joined && !recording && polled.consent ? (
        <div className="space-y-1">
          <button
            type="button"
            onClick={resume}
            className="rounded border border-brand-600 px-3 py-1 font-medium text-brand-800"
          >
            Resume recording
          </button>
          <p aria-live="polite" className="text-sm text-slate-700" data-testid="resume-result">
            {resumeResult}
          </p>
        </div>
      ) : null}
      {!videoConfigured ? (
        <p className="rounded border border-slate-300 bg-slate-100 p-3 text-sm">
          Video is not configured (no Twilio Video credentials): local preview mode. The consent decision, session
          record and banner work as in a real visit.
        </p>
      ) : null}
      {joined?.mode === "twilio" && joined.token ? (
        <LiveRoom
          token={joined.token}
          roomName={joined.roomName}
          onRecordingChange={onRecordingChange}
          onLeave={() => setJoined(null)}
        />
      ) : (
        <CameraPreview />
      )}
      {joined ? (
        <p role="status" className="text-sm text-slate-700">
          Session started{joined.mode === "local-preview" ? " in local preview mode" : ""}.
        </p>
      ) : (
        <div className="space-y-3">
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={clinicianConsents}
              onChange={(event) => setClinicianConsents(event.target.checked)}
            />
            I consent to this visit being recorded
          </label>
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={clinicianTranscribes}
              onChange={(event) => setClinicianTranscribes(event.target.checked)}
            />
            I consent to this visit being transcribed
          </label>
          <button
            type="button"
            onClick={start}
            className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
          >
            Start session
          </button>
        </div>
      )}
      {error ? (
        <p role="alert" className="text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

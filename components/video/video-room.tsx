"use client";

import { useCallback, useEffect, useState } from "react";
import { CameraPreview } from "./camera-preview";
import { LiveRoom } from "./live-room";
import { RecordingStatus } from "./recording-status";
import { SessionControls, SessionEnded } from "./session-controls";
import { RoomConsentSummary } from "./room-consent-summary";
import { useRecordingState } from "./use-recording-state";

type Props = {
  appointmentId: string;
  firstName: string;
  consentGivenOn: string | null;
  recordingIfStarted: boolean;
  videoConfigured: boolean;
  /** too early to start: when it opens, as the clinician reads it ("09:30 GMT") and as an ISO time */
  startsFrom: { label: string; at: string } | null;
  /** the visit is over (ended for everyone, or past its end) when the page is opened */
  ended: boolean;
};
type Joined = {
  mode: "twilio" | "local-preview";
  token: string | null;
  roomName: string;
  recording: boolean;
  transcribing: boolean;
};

/** The clinician's session: preview, start through the server, then the room; the banner follows the server's state. */
export function VideoRoom(props: Props) {
  const { appointmentId, firstName, consentGivenOn, recordingIfStarted, videoConfigured } = props;
  const startsFrom = useStartsFrom(props.startsFrom);
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
  const [endedHere, setEndedHere] = useState(false);
  const [starting, setStarting] = useState(false);
  const [resumeTranscriptionResult, setResumeTranscriptionResult] = useState<string | null>(null);
  const onRecordingChange = useCallback((recording: boolean) => setRoomRecording(recording), []);
  const leave = useCallback(() => {
    setJoined(null);
    setRoomRecording(null);
  }, []);
  // Twilio's own Leave button disconnects the browser; the server hears it from us (and from Twilio's callback).
  const leaveTwilioRoom = useCallback(() => {
    void fetch(`/api/sessions/${appointmentId}/leave`, { method: "POST" }).catch(() => null);
    leave();
  }, [appointmentId, leave]);

  // Before the start: what the server will apply (consent now). After: the session row, and the room's own events.
  const recording = joined
    ? polled.recording && polled.consent && roomRecording !== false
    : polled.consent && clinicianConsents;

  async function start() {
    // One start at a time from this page: a double click must not open the room twice.
    setStarting(true);
    setError(null);
    const response = await fetch(`/api/sessions/${appointmentId}/room`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ recordingConsent: clinicianConsents, transcriptionConsent: clinicianTranscribes }),
    }).catch(() => null);
    const body = response ? await response.json().catch(() => ({})) : {};
    setStarting(false);
    if (!response?.ok) return setError(body.error ?? "The session could not be started. Please try again.");
    setJoined(body);
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
  const offReason = polled.consent && (joined || !clinicianConsents) ? (polled.offReason ?? paused()) : null;
  // Off, yet nobody present keeps it off (the one who did left): it stays off until the clinician resumes.
  function paused() {
    return joined && !polled.recording && !polled.stopping ? "Recording is off until you resume it" : null;
  }

  // A "resumed" answer is stale while it is off (again): the banner says why, and the button asks anew.
  const resumeShown = resumeResult === "Recording resumed." && !recording ? null : resumeResult;
  const resumeTranscriptionShown =
    resumeTranscriptionResult === "Transcription resumed." && !transcribing ? null : resumeTranscriptionResult;

  if (props.ended || endedHere || (joined && polled.roomEnded)) return <SessionEnded appointmentId={appointmentId} />;

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
        </div>
      ) : null}
      {joined ? (
        // Outside the buttons' blocks: a resume that worked hides its button, and its answer must still be read out.
        <div className="space-y-1">
          <p aria-live="polite" className="text-sm text-slate-700" data-testid="resume-transcription-result">
            {resumeTranscriptionShown}
          </p>
          <p aria-live="polite" className="text-sm text-slate-700" data-testid="resume-result">
            {resumeShown}
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
          onLeave={leaveTwilioRoom}
        />
      ) : (
        <CameraPreview controls={Boolean(joined)} />
      )}
      {joined ? (
        <>
          <p role="status" className="text-sm text-slate-700">
            Session started{joined.mode === "local-preview" ? " in local preview mode" : ""}.
          </p>
          <SessionControls
            appointmentId={appointmentId}
            showLeave={joined.mode !== "twilio"}
            onLeft={leave}
            onEnded={() => setEndedHere(true)}
          />
        </>
      ) : startsFrom ? (
        <p role="status" className="rounded border border-slate-300 p-3" data-testid="start-window">
          You can start this session from {startsFrom.label}.
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
            disabled={starting}
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

/** The start window's opening, until it comes: then the Start button shows without a reload. */
function useStartsFrom(initial: Props["startsFrom"]) {
  const [startsFrom, setStartsFrom] = useState(initial);
  useEffect(() => {
    if (!startsFrom) return;
    // Timers cap at about 24.8 days; a visit further away is simply reloaded before then.
    const wait = Math.min(new Date(startsFrom.at).getTime() - Date.now(), 2 ** 31 - 1);
    const timer = setTimeout(() => setStartsFrom(null), Math.max(wait, 0));
    return () => clearTimeout(timer);
  }, [startsFrom]);
  return startsFrom;
}

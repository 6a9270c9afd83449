"use client";

import { useEffect, useEffectEvent, useState } from "react";
import type { VisitPhase } from "@/lib/video/types";

/** `stopping`: consent was withdrawn and the room is still being switched to not recording. */
export type RecordingState = {
  started: boolean;
  recording: boolean;
  consent: boolean;
  stopping?: boolean;
  /** where the visit stands (the patient's waiting room follows it) */
  phase?: VisitPhase;
  /** "Recording is off: the interpreter has not consented", while someone keeps it off */
  offReason?: string | null;
  /** the patient said "Not this time" for this visit */
  declinedForVisit?: boolean;
  /** the clinician ended the visit for everyone: whoever is in the room is out */
  roomEnded?: boolean;
  /** the room transcribes now */
  transcribing?: boolean;
  /** the patient's stored transcription consent */
  transcriptionConsent?: boolean;
  /** "Transcription is off: the clinician has not consented", while someone keeps it off */
  transcriptionOffReason?: string | null;
  /** the patient stopped transcription for this visit */
  transcriptionDeclinedForVisit?: boolean;
};

const everyTwoSeconds = () => 2000;

/**
 * Polls the server's view of the session every few seconds: a withdrawal, a start or a cancellation shows within
 * seconds, no reload. `intervalFor` may slow it down or stop it (null) once nothing more can change; `onPolled`
 * hears each new state (the waiting room joins from there).
 */
export function useRecordingState(
  appointmentId: string,
  initial: RecordingState,
  intervalFor: (state: RecordingState) => number | null = everyTwoSeconds,
  onPolled?: (state: RecordingState) => void,
  stateUrl = `/api/sessions/${appointmentId}/state`,
): RecordingState {
  const [state, setState] = useState(initial);
  const intervalMs = intervalFor(state);
  const polled = useEffectEvent((next: RecordingState) => onPolled?.(next));
  useEffect(() => {
    if (intervalMs === null) return;
    let cancelled = false;
    const poll = async () => {
      const response = await fetch(stateUrl, { cache: "no-store" }).catch(() => null);
      if (cancelled || !response?.ok) return;
      const next: RecordingState = await response.json();
      if (cancelled) return;
      setState(next);
      polled(next);
    };
    const timer = setInterval(poll, intervalMs);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [stateUrl, intervalMs]);
  return state;
}

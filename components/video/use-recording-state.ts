"use client";

import { useEffect, useState } from "react";

/** `stopping`: consent was withdrawn and the room is still being switched to not recording. */
export type RecordingState = { started: boolean; recording: boolean; consent: boolean; stopping?: boolean };

/** Polls the server's view of the session every few seconds: a withdrawal shows within seconds, no reload. */
export function useRecordingState(appointmentId: string, initial: RecordingState, intervalMs = 2000): RecordingState {
  const [state, setState] = useState(initial);
  useEffect(() => {
    let cancelled = false;
    const poll = async () => {
      const response = await fetch(`/api/sessions/${appointmentId}/state`, { cache: "no-store" }).catch(() => null);
      if (!cancelled && response?.ok) setState(await response.json());
    };
    const timer = setInterval(poll, intervalMs);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [appointmentId, intervalMs]);
  return state;
}

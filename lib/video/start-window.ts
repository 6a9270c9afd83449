type Timed = { startsAt: Date; durationMinutes: number };

export type StartWindowState = "early" | "open" | "ended";

/**
 * When a clinician may start (or rejoin) a visit's session: from `minutesBefore` its start (VIDEO_START_MINUTES_BEFORE)
 * until its booked end, never a day early.
 */
export function startWindow({ startsAt, durationMinutes }: Timed, minutesBefore: number) {
  return {
    opensAt: new Date(startsAt.getTime() - minutesBefore * 60_000),
    endsAt: new Date(startsAt.getTime() + durationMinutes * 60_000),
  };
}

export function startWindowState(visit: Timed, minutesBefore: number, now: Date = new Date()): StartWindowState {
  const { opensAt, endsAt } = startWindow(visit, minutesBefore);
  if (now < opensAt) return "early";
  return now > endsAt ? "ended" : "open";
}

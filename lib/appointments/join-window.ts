// When a video visit can be joined: one rule for the appointments list, the waiting room and the join token.
export const JOIN_OPENS_MINUTES_BEFORE = 15;

type Timed = { startsAt: Date; durationMinutes: number };

/** From 15 minutes before the start until the booked end. */
export function joinWindow({ startsAt, durationMinutes }: Timed): { opensAt: Date; endsAt: Date } {
  return {
    opensAt: new Date(startsAt.getTime() - JOIN_OPENS_MINUTES_BEFORE * 60_000),
    endsAt: new Date(startsAt.getTime() + durationMinutes * 60_000),
  };
}

/** A scheduled video visit inside its window. */
export function isJoinable(appointment: Timed & { status: string; modality: string }, now: Date = new Date()): boolean {
  if (appointment.status !== "scheduled" || appointment.modality !== "telehealth") return false;
  const { opensAt, endsAt } = joinWindow(appointment);
  return now >= opensAt && now <= endsAt;
}

/** The next moment at which any of these appointments opens or ends, so a list can refresh itself then. */
export function nextJoinChange(appointments: (Timed & { status: string })[], now: Date = new Date()): Date | null {
  const moments = appointments
    .filter((a) => a.status === "scheduled")
    .flatMap((a) => Object.values(joinWindow(a)))
    .filter((moment) => moment > now);
  return moments.length ? new Date(Math.min(...moments.map((m) => m.getTime()))) : null;
}

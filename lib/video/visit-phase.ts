import { joinWindow } from "@/lib/appointments/join-window";
import type { Appointment } from "@/db/schema";
import { liveSessionStatuses, type VideoSessionStatus, type VisitPhase } from "./types";

type VisitTimes = Pick<Appointment, "status" | "startsAt" | "durationMinutes">;

/** One answer for the waiting room, the state it polls and the join token: they can never disagree. */
export function visitPhase(
  appointment: VisitTimes,
  session: { status: VideoSessionStatus } | null,
  now: Date = new Date(),
): VisitPhase {
  if (appointment.status === "cancelled") return "cancelled";
  const { opensAt, endsAt } = joinWindow(appointment);
  if (appointment.status === "completed" || now > endsAt) return "ended";
  if (now < opensAt) return "early";
  if (session && (liveSessionStatuses as readonly VideoSessionStatus[]).includes(session.status)) return "open";
  // The latest room ended (the clinician closed it) and none is live: over, unless they start another.
  return session?.status === "ended" ? "ended" : "waiting";
}

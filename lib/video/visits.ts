import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments } from "@/db/schema";
import { currentRecordingState } from "./sessions";
import { roomToken, videoConfig } from "./twilio-video";

export type VisitJoin =
  | { ok: false; status: 404 | 409 | 425; message: string }
  | { ok: true; mode: "twilio" | "local-preview"; token: string | null; recording: boolean };

const EARLY_MS = 15 * 60_000;

/** The patient joins the room their clinician opened; this path can never create a room or change recording. */
export async function joinVisit(
  db: Db,
  patientId: string,
  appointmentId: string,
  now = new Date(),
): Promise<VisitJoin> {
  const [appointment] = await db
    .select({
      startsAt: appointments.startsAt,
      durationMinutes: appointments.durationMinutes,
      status: appointments.status,
    })
    .from(appointments)
    .where(
      and(
        eq(appointments.id, appointmentId),
        eq(appointments.patientId, patientId),
        eq(appointments.modality, "telehealth"),
      ),
    );
  if (!appointment || appointment.status !== "scheduled") return { ok: false, status: 404, message: "Not found." };
  const opens = appointment.startsAt.getTime() - EARLY_MS;
  const ends = appointment.startsAt.getTime() + appointment.durationMinutes * 60_000;
  if (now.getTime() < opens)
    return { ok: false, status: 425, message: "You can join from 15 minutes before your visit." };
  if (now.getTime() > ends) return { ok: false, status: 409, message: "This visit has ended." };
  const session = await currentRecordingState(db, appointmentId);
  if (!session || session.status === "ended")
    return {
      ok: false,
      status: 409,
      message: "Your clinician has not started the visit yet. Please wait on this page.",
    };
  const config = videoConfig();
  const live = config && session.status === "in-progress";
  return {
    ok: true,
    mode: live ? "twilio" : "local-preview",
    token: live ? roomToken(config, `patient-${patientId}`, `appointment-${appointmentId}`) : null,
    recording: session.recording,
  };
}

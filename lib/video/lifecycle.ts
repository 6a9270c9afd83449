import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, videoParticipants, videoRuleChanges, videoSessions } from "@/db/schema";
import { leaveParticipant } from "./participants";
import { videoProvider } from "./provider";
import { enforceRoomConsent, liveSession, lockAppointment } from "./recording-rules";
import { ownTelehealthAppointment } from "./sessions";

export type LifecycleResult = { ok: true } | { ok: false; status: 404 | 409; message: string };
const notFound = { ok: false, status: 404, message: "Not found." } as const;

/**
 * Someone leaves (their Leave button, or Twilio's participant-disconnected): absent from now on, and the room is held
 * to who is left. A leave never switches recording on, even when the one who kept it off leaves: the clinician resumes.
 */
export async function leaveVisit(db: Db, appointmentId: string, identity: string): Promise<void> {
  const participantId = await leaveParticipant(db, appointmentId, identity);
  if (participantId) await enforceRoomConsent(db, appointmentId, "leave", participantId);
}

/** The clinician leaves their own visit; the room stays open for the others (and for their rejoin). */
export async function clinicianLeaves(db: Db, clinicianId: string, appointmentId: string): Promise<LifecycleResult> {
  if (!(await ownTelehealthAppointment(db, clinicianId, appointmentId))) return notFound;
  await leaveVisit(db, appointmentId, `clinician-${clinicianId}`);
  return { ok: true };
}

/** The patient leaves their own visit; they may join again while it is open. */
export async function patientLeaves(db: Db, patientId: string, appointmentId: string): Promise<LifecycleResult> {
  const [visit] = await db
    .select({ id: appointments.id })
    .from(appointments)
    .where(
      and(
        eq(appointments.id, appointmentId),
        eq(appointments.patientId, patientId),
        eq(appointments.modality, "telehealth"),
      ),
    );
  if (!visit) return notFound;
  await leaveVisit(db, appointmentId, `patient-${patientId}`);
  return { ok: true };
}

/**
 * The clinician ends the visit for everyone: the room is completed at the provider (Twilio disconnects everyone), the
 * session ends, nobody is present any more, and the end is logged with the rules. Under the appointment's lock, so a
 * join or a resume at the same moment sees either the live room or the ended one, never half of each.
 */
export async function endForEveryone(db: Db, clinicianId: string, appointmentId: string): Promise<LifecycleResult> {
  if (!(await ownTelehealthAppointment(db, clinicianId, appointmentId))) return notFound;
  return db.transaction(async (tx): Promise<LifecycleResult> => {
    await lockAppointment(tx, appointmentId);
    const session = await liveSession(tx, appointmentId);
    if (!session) return { ok: false, status: 409, message: "The session is not running." };
    if (session.roomSid) await videoProvider(tx).endRoom(session.roomSid);
    await tx
      .update(videoSessions)
      .set({
        status: "ended",
        // Nothing records or transcribes in a completed room: the admin views say so.
        recording: false,
        transcribing: false,
        endedAt: sql`coalesce(${videoSessions.endedAt}, now())`,
        updatedAt: new Date(),
      })
      .where(eq(videoSessions.id, session.id));
    await tx
      .update(videoParticipants)
      .set({ present: false, leftAt: new Date(), updatedAt: new Date() })
      .where(and(eq(videoParticipants.appointmentId, appointmentId), eq(videoParticipants.present, true)));
    await tx
      .insert(videoRuleChanges)
      .values({ appointmentId, roomSid: session.roomSid, recording: false, transcription: false, cause: "end" });
    return { ok: true };
  });
}

import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { videoParticipants, videoSessions } from "@/db/schema";
import type { RoomCallback } from "@/lib/twilio/schemas";
import { leaveVisit } from "./lifecycle";
import { enforceRoomConsent } from "./recording-rules";

/**
 * Twilio says who is in the room: a participant who connected is present (and the room is held to their answer at
 * once), one who disconnected has left, as with the Leave button. Identities the server never minted a token for are ignored.
 */
export async function followParticipant(db: Db, callback: RoomCallback): Promise<void> {
  const event = callback.StatusCallbackEvent;
  if (!callback.ParticipantIdentity || (event !== "participant-connected" && event !== "participant-disconnected"))
    return;
  const [session] = await db
    .select({ appointmentId: videoSessions.appointmentId })
    .from(videoSessions)
    .where(eq(videoSessions.roomSid, callback.RoomSid))
    .orderBy(desc(videoSessions.createdAt))
    .limit(1);
  if (!session) return;
  if (event === "participant-disconnected") {
    await leaveVisit(db, session.appointmentId, callback.ParticipantIdentity);
    return;
  }
  const [joined] = await db
    .update(videoParticipants)
    .set({ present: true, leftAt: null, updatedAt: new Date() })
    .where(
      and(
        eq(videoParticipants.appointmentId, session.appointmentId),
        eq(videoParticipants.identity, callback.ParticipantIdentity),
      ),
    )
    .returning({ id: videoParticipants.id });
  if (joined) await enforceRoomConsent(db, session.appointmentId, "join", joined.id);
}

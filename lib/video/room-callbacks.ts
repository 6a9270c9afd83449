import "server-only";
import type { Db } from "@/db/client";
import { videoSessionEvents } from "@/db/schema";
import { claimReceipt, hasReceipt, receiptSources } from "@/lib/twilio/receipts";
import type { RoomCallback } from "@/lib/twilio/schemas";
import { handleRoomEvent, type RoomEventAction } from "./enforce";
import { followParticipant } from "./participant-callbacks";

/**
 * The callback's identity. Twilio numbers each event of a room (SequenceNumber), so RoomSid and that number name it;
 * the event name and the SID it is about are added, at no cost for a replay (every parameter is signed, so a replay
 * repeats them all), so two distinct events can never share a key. Without a number: the room, the event, the
 * recording, participant and track it is about, and Twilio's Timestamp.
 */
export function roomCallbackKey(callback: RoomCallback): string {
  const subject = callback.RecordingSid ?? callback.ParticipantSid ?? "-";
  if (callback.SequenceNumber !== undefined) {
    return [callback.RoomSid, `seq-${callback.SequenceNumber}`, callback.StatusCallbackEvent, subject].join("/");
  }
  return [
    callback.RoomSid,
    callback.StatusCallbackEvent,
    callback.RecordingSid ?? "-",
    callback.ParticipantSid ?? "-",
    callback.TrackSid ?? "-",
    encodeURIComponent(callback.Timestamp ?? "-"),
  ].join("/");
}

/**
 * A room status callback, handled once. A replay (its receipt found) does nothing. Otherwise the guard runs first:
 * its steps are idempotent and durable each on its own, and if one fails (Twilio 503 deleting a recording) this throws
 * with no receipt written, so Twilio's retry of the same callback is processed, not discarded. Only after success are
 * the receipt and the event row written, in one transaction: a duplicate that ran at the same moment (its steps
 * waited on the first's row locks and found the work done) adds no second row.
 */
export async function receiveRoomCallback(
  db: Db,
  callback: RoomCallback,
): Promise<{ replay: boolean; action: RoomEventAction }> {
  const key = roomCallbackKey(callback);
  if (await hasReceipt(db, receiptSources.roomCallback, key)) return { replay: true, action: null };
  const action = await handleRoomEvent(db, callback);
  await followParticipant(db, callback);
  const recorded = await db.transaction(async (tx) => {
    if (!(await claimReceipt(tx, receiptSources.roomCallback, key))) return false;
    await tx.insert(videoSessionEvents).values({
      roomSid: callback.RoomSid,
      event: callback.StatusCallbackEvent,
      recordingSid: callback.RecordingSid ?? null,
      participantIdentity: callback.ParticipantIdentity ?? null,
    });
    return true;
  });
  return { replay: !recorded, action };
}

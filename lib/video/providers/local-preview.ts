import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { videoLocalRooms } from "@/db/schema";
import type { VideoProvider } from "../provider";

/**
 * No Twilio configured (the demo, dev, browser tests): rooms and their recording rules are kept in the database, so
 * every consent rule runs and shows as in a real visit. Nothing is ever recorded, so there is nothing to list or delete.
 */
export function localPreviewProvider(db: Db): VideoProvider {
  return {
    mode: "local-preview",
    async openRoom(roomName, recording) {
      const roomSid = `LP${randomUUID().replaceAll("-", "")}`;
      const created = await db
        .insert(videoLocalRooms)
        .values({ roomSid, roomName, recording, status: "in-progress" })
        .onConflictDoNothing()
        .returning({ roomSid: videoLocalRooms.roomSid });
      if (created.length > 0) return { roomSid };
      // Already open (a rejoin): hold it to the decision made now, as Twilio's provider does.
      const [open] = await db
        .select({ roomSid: videoLocalRooms.roomSid })
        .from(videoLocalRooms)
        .where(and(eq(videoLocalRooms.roomName, roomName), eq(videoLocalRooms.status, "in-progress")));
      await this.applyRecordingRules(open!.roomSid, recording);
      return { roomSid: open!.roomSid };
    },
    token: () => null,
    async applyRecordingRules(roomSid, recording) {
      await db
        .update(videoLocalRooms)
        .set({ recording, updatedAt: new Date() })
        .where(eq(videoLocalRooms.roomSid, roomSid));
    },
    async endRoom(roomSid) {
      await db
        .update(videoLocalRooms)
        .set({ status: "completed", recording: false, transcribing: false, updatedAt: new Date() })
        .where(eq(videoLocalRooms.roomSid, roomSid));
    },
    async applyTranscription(roomSid, on) {
      await db
        .update(videoLocalRooms)
        .set({ transcribing: on, updatedAt: new Date() })
        .where(eq(videoLocalRooms.roomSid, roomSid));
    },
    listRecordings: async () => [],
    deleteRecording: async () => undefined,
    verifyCallback: () => false,
  };
}

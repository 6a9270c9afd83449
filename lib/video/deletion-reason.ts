import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { videoRuleChanges, videoSessions } from "@/db/schema";
import type { RecordingDeletionReason } from "./types";

/**
 * Why a guarded room's recordings go: a withdrawal first (logged, or the reason the room was stopped for), then the
 * patient's stop (guarded only where the clinic deletes recordings stopped by the patient), else made without consent.
 */
export async function deletionReasonOf(db: Db, roomSid: string): Promise<RecordingDeletionReason> {
  const [row] = await db
    .select({
      withdrawn: sql<boolean>`bool_or(${videoRuleChanges.cause} = 'withdraw')`,
      stopped: sql<boolean>`bool_or(${videoRuleChanges.cause} = 'stop')`,
      unconsented: sql<boolean>`bool_or(${videoRuleChanges.cause} = 'guard')`,
    })
    .from(videoRuleChanges)
    .where(and(eq(videoRuleChanges.roomSid, roomSid), eq(videoRuleChanges.recording, false)));
  const [withdrawnSession] = await db
    .select({ id: videoSessions.id })
    .from(videoSessions)
    .where(and(eq(videoSessions.roomSid, roomSid), eq(videoSessions.recordingReason, "consent_withdrawn")))
    .limit(1);
  if (row?.withdrawn || withdrawnSession) return "consent_withdrawn";
  if (row?.stopped && !row.unconsented) return "stopped_by_patient";
  return "recorded_without_consent";
}

import "server-only";
import { and, eq, gt, inArray, max, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notificationDeliveries, preferenceLedger } from "@/db/schema";

/** Far enough back to cover the local week (Monday to Sunday) of any moment decided now, in any zone. */
const CAP_LOOK_BACK_MS = 8 * 24 * 3600_000;

/** The moments the patient's texts went (or are going: a claim being sent), as counted against frequency caps. */
export async function textsSentAround(db: Db, patientId: string, now: Date): Promise<Date[]> {
  const rows = await db
    .select({ sentAt: notificationDeliveries.sentAt })
    .from(notificationDeliveries)
    .where(
      and(
        eq(notificationDeliveries.patientId, patientId),
        ne(notificationDeliveries.channel, "email"),
        inArray(notificationDeliveries.status, ["pending", "sent"]),
        gt(notificationDeliveries.sentAt, new Date(now.getTime() - CAP_LOOK_BACK_MS)),
      ),
    );
  return rows.map((row) => row.sentAt!);
}

/**
 * Whether the patient's number has had no text since it was set or texts were (re)turned on: that first text carries
 * "Reply STOP to opt out" (CTIA Messaging Principles, 5.1.3; carriers ask it of every program).
 */
export async function isFirstTextToNumber(db: Db, patientId: string): Promise<boolean> {
  const [changed] = await db
    .select({ at: max(preferenceLedger.createdAt) })
    .from(preferenceLedger)
    .where(
      and(eq(preferenceLedger.patientId, patientId), inArray(preferenceLedger.field, ["phoneE164", "textMessages"])),
    );
  const [sent] = await db
    .select({ one: sql<number>`1` })
    .from(notificationDeliveries)
    .where(
      and(
        eq(notificationDeliveries.patientId, patientId),
        eq(notificationDeliveries.channel, "sms"),
        eq(notificationDeliveries.status, "sent"),
        changed?.at ? gt(notificationDeliveries.sentAt, changed.at) : undefined,
      ),
    )
    .limit(1);
  return !sent;
}

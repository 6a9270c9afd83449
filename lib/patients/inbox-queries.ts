import "server-only";
import { asc, desc, eq, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { inboundMessages, patientProfiles } from "@/db/schema";
import { staffRead } from "@/lib/access/record";

/** The staff inbox: open replies by deadline, then the latest resolved; each patient shown is one access-log row. */
export const listInbox = staffRead(
  "inbound_messages",
  (inbox) => [...inbox.open, ...inbox.resolved].flatMap((row) => (row.patientId ? [row.patientId] : [])),
  async function listInbox(db: Db, { resolvedLimit = 20 }: { resolvedLimit?: number } = {}) {
    const columns = {
      id: inboundMessages.id,
      channel: inboundMessages.channel,
      fromNumber: inboundMessages.fromNumber,
      body: inboundMessages.body,
      receivedAt: inboundMessages.receivedAt,
      respondBy: inboundMessages.respondBy,
      resolvedAt: inboundMessages.resolvedAt,
      outcome: inboundMessages.outcome,
      patientId: inboundMessages.patientId,
      patientFirstName: patientProfiles.firstName,
      patientLastName: patientProfiles.lastName,
    };
    const base = () =>
      db
        .select(columns)
        .from(inboundMessages)
        .leftJoin(patientProfiles, eq(patientProfiles.userId, inboundMessages.patientId));
    const [open, resolved] = await Promise.all([
      base().where(isNull(inboundMessages.resolvedAt)).orderBy(asc(inboundMessages.respondBy)).limit(500),
      base()
        .where(isNotNull(inboundMessages.resolvedAt))
        .orderBy(desc(inboundMessages.resolvedAt))
        .limit(resolvedLimit),
    ]);
    return { open, resolved };
  },
);
export type InboxRow = Awaited<ReturnType<typeof listInbox>>["open"][number];

import type { Db, Tx } from "@/db/client";
import { rosterAudit } from "@/db/schema";
import type { RosterAction } from "./actions";

/** Who made a roster change: an admin's session (with the request hash the ledger uses), or the admin:create command. */
export type RosterActor = { userId: string | null; requestHash: string | null };

export type AuditEntry = {
  action: RosterAction;
  subjectId: string | null;
  details: Record<string, string | number | boolean | null>;
};

/** Appends audit rows inside the change's own transaction, so a change and its record commit together. */
export async function audit(tx: Db | Tx, actor: RosterActor, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  // 5,000 imported patients in chunks: PostgreSQL caps one statement's parameters at 65,535.
  for (let start = 0; start < entries.length; start += 1000) {
    await tx.insert(rosterAudit).values(
      entries.slice(start, start + 1000).map((entry) => ({
        actorId: actor.userId,
        requestHash: actor.requestHash,
        action: entry.action,
        subjectId: entry.subjectId,
        details: entry.details,
      })),
    );
  }
}

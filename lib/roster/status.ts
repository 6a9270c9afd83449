import "server-only";
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sessions, users, verificationTokens } from "@/db/schema";
import { audit, type RosterActor } from "./audit";
import { RosterRefusal, refusalsAsResult, type RosterResult } from "./invite";

const notFound = () => new RosterRefusal({ ok: false, message: "That person was not found." });

/**
 * Deactivates a person: their sessions and unused sign-in links are deleted in the same transaction, so every page
 * and action refuses them at once; sign-in refuses them and the gate skips their messages (`deactivated`). Nobody
 * deactivates themselves, and the last active admin stays.
 */
export function deactivateUser(db: Db, actor: RosterActor & { userId: string }, userId: string): Promise<RosterResult> {
  return refusalsAsResult(() =>
    db.transaction(async (tx) => {
      if (userId === actor.userId) {
        throw new RosterRefusal({ ok: false, message: "You cannot deactivate yourself; ask another admin." });
      }
      // Every active admin locked in one order: two admins deactivating each other cannot both succeed.
      const admins = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.role, "admin"), isNull(users.deactivatedAt)))
        .orderBy(users.id)
        .for("update");
      const [target] = await tx
        .select({ id: users.id, role: users.role, email: users.email, deactivatedAt: users.deactivatedAt })
        .from(users)
        .where(eq(users.id, userId))
        .for("update");
      if (!target) throw notFound();
      if (target.deactivatedAt) return { ok: true as const, userId };
      if (target.role === "admin" && admins.length <= 1) {
        throw new RosterRefusal({ ok: false, message: "The last active admin cannot be deactivated." });
      }
      await tx.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, userId));
      const ended = await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.userId });
      await tx.delete(verificationTokens).where(eq(verificationTokens.identifier, target.email));
      await audit(tx, actor, [
        { action: "user_deactivated", subjectId: userId, details: { role: target.role, sessionsEnded: ended.length } },
      ]);
      return { ok: true as const, userId };
    }),
  );
}

/** Lets a deactivated person sign in and be messaged again (they ask for a new sign-in link). */
export function reactivateUser(db: Db, actor: RosterActor, userId: string): Promise<RosterResult> {
  return refusalsAsResult(() =>
    db.transaction(async (tx) => {
      const [row] = await tx
        .update(users)
        .set({ deactivatedAt: null })
        .where(and(eq(users.id, userId), isNotNull(users.deactivatedAt)))
        .returning({ id: users.id, role: users.role });
      if (!row) {
        const [exists] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
        if (!exists) throw notFound();
        return { ok: true as const, userId };
      }
      await audit(tx, actor, [{ action: "user_reactivated", subjectId: userId, details: { role: row.role } }]);
      return { ok: true as const, userId };
    }),
  );
}

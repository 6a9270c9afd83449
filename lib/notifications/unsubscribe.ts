import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { and, eq, gte } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { patientProfiles, preferenceLedger } from "@/db/schema";
import { env } from "@/lib/env";
import { applyAuditedChanges, NotFoundError } from "@/lib/patients/ledger";

const VALID_FOR_MS = 60 * 24 * 3600_000;
const CLOCK_SKEW_MS = 5 * 60_000;

const sign = (payload: string) =>
  createHmac("sha256", env().authSecret).update(`unsubscribe:${payload}`).digest("base64url");

/** A signed, expiring token naming only the patient: the link in every email's List-Unsubscribe header. */
export function createUnsubscribeToken(patientId: string, now = new Date()): string {
  const payload = Buffer.from(`${patientId}.${Math.floor(now.getTime() / 1000)}`).toString("base64url");
  return `${payload}.${sign(payload)}`;
}

/** RFC 8058 one-click: mail clients POST to this URL without opening the portal. */
export function unsubscribeHeaders(appUrl: string, token: string): Record<string, string> {
  return {
    "List-Unsubscribe": `<${appUrl}/api/unsubscribe?token=${token}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}

export function verifyUnsubscribeToken(token: string, now = new Date()): { patientId: string; issuedAt: Date } | null {
  const [payload, signature] = token.split(".");
  if (!payload || !signature) return null;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const [patientId, issued] = Buffer.from(payload, "base64url").toString("utf8").split(".");
  const issuedAt = new Date(Number(issued) * 1000);
  const age = now.getTime() - issuedAt.getTime();
  // Issued in the future (beyond a few minutes of clock skew between servers) is as invalid as expired.
  if (!patientId || Number.isNaN(issuedAt.getTime()) || age > VALID_FOR_MS || age < -CLOCK_SKEW_MS) return null;
  return { patientId, issuedAt };
}

export type UnsubscribeOutcome = "unsubscribed" | "already_used" | "invalid";

/** A link counts as used once any unsubscribe-link change for the patient is newer than the link itself. */
async function linkUsed(db: Db | Tx, verified: { patientId: string; issuedAt: Date }): Promise<boolean> {
  const [used] = await db
    .select({ id: preferenceLedger.id })
    .from(preferenceLedger)
    .where(
      and(
        eq(preferenceLedger.patientId, verified.patientId),
        eq(preferenceLedger.actorKind, "unsubscribe_link"),
        gte(preferenceLedger.createdAt, verified.issuedAt),
      ),
    )
    .limit(1);
  return Boolean(used);
}

/**
 * What the unsubscribe page offers before anything changes: the button for a link that would work, else why not.
 * Reads only, so a mail scanner opening the page changes nothing.
 */
export async function checkUnsubscribeToken(
  db: Db,
  token: string,
  now = new Date(),
): Promise<"valid" | "already_used" | "invalid"> {
  const verified = verifyUnsubscribeToken(token, now);
  if (!verified) return "invalid";
  const [patient] = await db
    .select({ id: patientProfiles.userId })
    .from(patientProfiles)
    .where(eq(patientProfiles.userId, verified.patientId));
  if (!patient) return "invalid";
  return (await linkUsed(db, verified)) ? "already_used" : "valid";
}

/** Turns email notifications off once per link, with a ledger row by "unsubscribe link". */
export async function unsubscribeFromEmail(db: Db, token: string, now = new Date()): Promise<UnsubscribeOutcome> {
  const verified = verifyUnsubscribeToken(token, now);
  if (!verified) return "invalid";
  return db.transaction(async (tx) => {
    if (await linkUsed(tx, verified)) return "already_used";
    try {
      await applyAuditedChanges(tx, {
        patientId: verified.patientId,
        actor: { kind: "unsubscribe_link", userId: null },
        changes: { emailNotifications: false },
      });
    } catch (error) {
      // A correctly signed token for someone who is not a patient (any more): refused like a forged one.
      if (error instanceof NotFoundError) return "invalid";
      throw error;
    }
    return "unsubscribed";
  });
}

import { createHash } from "node:crypto";
import { lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rateLimits } from "@/db/schema";

export type RateLimit = { name: string; limit: number; windowMs: number };

export const SIGN_IN_PER_EMAIL: RateLimit = { name: "sign-in:email", limit: 5, windowMs: 15 * 60_000 };
export const SIGN_IN_PER_IP: RateLimit = { name: "sign-in:ip", limit: 50, windowMs: 15 * 60_000 };

export type RateLimitResult = { allowed: boolean; retryAfterSeconds: number };

// Subjects are hashed so the table never holds an email address or an IP.
const subjectKey = (rule: RateLimit, subject: string) =>
  `${rule.name}:${createHash("sha256").update(subject.toLowerCase()).digest("hex").slice(0, 32)}`;

/** Counts one hit in a fixed window, shared by every app process; one round trip. */
export async function hitRateLimit(db: Db, rule: RateLimit, subject: string, now = new Date()): Promise<RateLimitResult> {
  const windowStart = new Date(Math.floor(now.getTime() / rule.windowMs) * rule.windowMs);
  const [row] = await db
    .insert(rateLimits)
    .values({ key: subjectKey(rule, subject), windowStart, hits: 1 })
    .onConflictDoUpdate({ target: [rateLimits.key, rateLimits.windowStart], set: { hits: sql`${rateLimits.hits} + 1` } })
    .returning({ hits: rateLimits.hits });
  const retryAfterSeconds = Math.ceil((windowStart.getTime() + rule.windowMs - now.getTime()) / 1000);
  return { allowed: (row?.hits ?? 1) <= rule.limit, retryAfterSeconds };
}

/** Windows older than a day no longer limit anything; a daily cron deletes them. */
export async function pruneRateLimits(db: Db, now = new Date()): Promise<number> {
  const deleted = await db
    .delete(rateLimits)
    .where(lt(rateLimits.windowStart, new Date(now.getTime() - 24 * 3600_000)))
    .returning({ key: rateLimits.key });
  return deleted.length;
}

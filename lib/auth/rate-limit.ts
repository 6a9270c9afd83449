import { createHash } from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { rateLimitAddress } from "./request";

export type RateLimit = { name: string; limit: number; windowMs: number };

// Sign-in links per 15 minutes (a link's lifetime):
// - per address and IP, 5: a patient retrying from her own device never needs more, and a stranger spends only
//   their own IP's share, so they cannot lock her out;
// - per address from all IPs, 20: caps a flood into one inbox from many machines, and locking a patient out now
//   takes at least 4 networks (5 each) at once, not one;
// - per IP (an IPv6 /64), 50: one network asking for many addresses (guessing accounts, mail-bombing inboxes),
//   with room left for a clinic's shared Wi-Fi or a care home where several people sign in.
const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const SIGN_IN_PER_EMAIL_AND_IP: RateLimit = { name: "sign-in:email-ip", limit: 5, windowMs: SIGN_IN_WINDOW_MS };
export const SIGN_IN_PER_EMAIL: RateLimit = { name: "sign-in:email", limit: 20, windowMs: SIGN_IN_WINDOW_MS };
export const SIGN_IN_PER_IP: RateLimit = { name: "sign-in:ip", limit: 50, windowMs: SIGN_IN_WINDOW_MS };

export type RateLimitResult = { allowed: boolean; retryAfterSeconds: number };

// Subjects are hashed so the table never holds an email address or an IP.
const subjectKey = (rule: RateLimit, subject: string) =>
  `${rule.name}:${createHash("sha256").update(subject.toLowerCase()).digest("hex").slice(0, 32)}`;

const previousWindow = alias(rateLimits, "previous_window");

/**
 * Counts one hit, shared by every app process, in one round trip. The count is a sliding window: this
 * window's hits plus the previous window's, weighted by how much of it still lies within the last
 * `windowMs`. A fixed window would let a burst straddling a window boundary through twice.
 */
export async function hitRateLimit(
  db: Db,
  rule: RateLimit,
  subject: string,
  now = new Date(),
): Promise<RateLimitResult> {
  const at = now.getTime();
  const windowStart = Math.floor(at / rule.windowMs) * rule.windowMs;
  const key = subjectKey(rule, subject);
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart: new Date(windowStart), hits: 1 })
    .onConflictDoUpdate({
      target: [rateLimits.key, rateLimits.windowStart],
      set: { hits: sql`${rateLimits.hits} + 1` },
    })
    .returning({
      hits: rateLimits.hits,
      previous: sql<number>`coalesce((${db
        .select({ hits: previousWindow.hits })
        .from(previousWindow)
        .where(
          and(eq(previousWindow.key, key), eq(previousWindow.windowStart, new Date(windowStart - rule.windowMs))),
        )}), 0)`.mapWith(Number),
    });
  return slidingWindowDecision(rule, row?.hits ?? 1, row?.previous ?? 0, at - windowStart);
}

/**
 * Whether the hit just counted is allowed and, if not, how long until the next one would be. All in
 * integer milliseconds so a count exactly at the limit is never refused by rounding.
 */
export function slidingWindowDecision(
  rule: RateLimit,
  hits: number,
  previous: number,
  elapsedMs: number,
): RateLimitResult {
  const { limit, windowMs } = rule;
  // estimate = hits + previous × (windowMs − elapsed) / windowMs, compared with the limit, times windowMs.
  const allowed = hits * windowMs + previous * (windowMs - elapsedMs) <= limit * windowMs;
  if (allowed) return { allowed, retryAfterSeconds: 0 };

  let waitMs: number;
  if (hits + 1 <= limit && previous > 0) {
    // Later in this window, once enough of the previous window has slid out for one more hit.
    const neededElapsed = Math.ceil((windowMs * (previous - (limit - hits - 1))) / previous);
    waitMs = neededElapsed - elapsedMs;
  } else {
    // In the next window, where this window's hits are the weighted previous ones.
    const neededElapsed = Math.ceil((windowMs * Math.max(0, hits - (limit - 1))) / hits);
    waitMs = windowMs - elapsedMs + neededElapsed;
  }
  return { allowed, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}

/**
 * Counts one sign-in link request for `email` from `ip` (an address from clientIp). Each rule is hit only once the
 * one before it allowed the request, so a refused request spends nothing further: a stranger's IP, once refused
 * for Ada, no longer adds to Ada's ceiling, and one IP can add at most 5 to it.
 */
export async function limitSignInRequest(
  db: Db,
  email: string,
  ip: string,
  now = new Date(),
): Promise<RateLimitResult> {
  const network = rateLimitAddress(ip);
  for (const [rule, subject] of [
    [SIGN_IN_PER_IP, network],
    [SIGN_IN_PER_EMAIL_AND_IP, `${email}|${network}`],
    [SIGN_IN_PER_EMAIL, email],
  ] as const) {
    const result = await hitRateLimit(db, rule, subject, now);
    if (!result.allowed) return result;
  }
  return { allowed: true, retryAfterSeconds: 0 };
}

/** Windows older than a day no longer limit anything; a daily cron deletes them. */
export async function pruneRateLimits(db: Db, now = new Date()): Promise<number> {
  const deleted = await db
    .delete(rateLimits)
    .where(lt(rateLimits.windowStart, new Date(now.getTime() - 24 * 3600_000)))
    .returning({ key: rateLimits.key });
  return deleted.length;
}

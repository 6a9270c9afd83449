import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { limitSignInRequest } from "./rate-limit";

/** Where Auth.js sends everyone whose link is on its way (`${basePath}/verify-request?provider&type`). */
export const VERIFY_REQUEST_PATH = "/api/auth/verify-request?provider=resend&type=email";
export const RATE_LIMITED_ERROR = "RateLimited";

/** Only people the clinic registered have an account; nobody signs themselves up, and a deactivated person is out. */
export async function isRegisteredEmail(db: Db, email: string): Promise<boolean> {
  const [known] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, email.trim().toLowerCase()), isNull(users.deactivatedAt)))
    .limit(1);
  return Boolean(known);
}

/**
 * The signIn callback's answer to a request for a link, on every path (Auth.js's endpoint and the sign-in form):
 * `true` lets Auth.js make a token and email it; a path is where the caller is sent instead, with no token made.
 * The limit is counted before anything depends on the address being known, so a refusal says nothing about it; an
 * unknown address gets exactly the redirect Auth.js gives a known one.
 */
export async function answerSignInRequest(db: Db, email: string, ip: string): Promise<true | string> {
  const limit = await limitSignInRequest(db, email, ip);
  if (!limit.allowed) return rateLimitedPath(limit.retryAfterSeconds);
  return (await isRegisteredEmail(db, email)) ? true : VERIFY_REQUEST_PATH;
}

export function rateLimitedPath(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `/sign-in?${new URLSearchParams({ error: RATE_LIMITED_ERROR, retryAfter: String(minutes) })}`;
}

/** What the sign-in page and form say for a refused request, from the minutes in its redirect. */
export function rateLimitedMessage(retryAfter: string | null | undefined): string {
  const minutes = Math.min(60, Math.max(1, Number.parseInt(retryAfter ?? "", 10) || 15));
  return `Too many sign-in requests. Please wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`;
}

export const LINK_SENT_MESSAGE =
  "Check your email: if this address belongs to an account, a sign-in link is on its way.";

/** Where a request for a link ended up (Auth.js's redirect), as the form tells it: sent, or refused for a while. */
export function signInRequestOutcome(redirectUrl: string): { sent: true } | { sent: false; message: string } {
  const url = new URL(redirectUrl, "http://portal.invalid");
  if (url.searchParams.get("error") === RATE_LIMITED_ERROR) {
    return { sent: false, message: rateLimitedMessage(url.searchParams.get("retryAfter")) };
  }
  if (url.pathname.endsWith("/verify-request")) return { sent: true };
  throw new Error(`Unexpected sign-in redirect ${url.pathname}?error=${url.searchParams.get("error") ?? ""}`);
}

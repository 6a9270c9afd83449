import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { signIn } from "@/lib/auth/config";
import { signInRequestOutcome } from "@/lib/auth/sign-in-request";
import { audit, type RosterActor } from "./audit";
import type { RosterResult } from "./invite";

/**
 * Emails `email` a sign-in link through the normal sign-in path (Auth.js, its rate limits, the same email and dev
 * outbox as /sign-in); the link lands on the person's home. False with the reason when the limit refused it.
 */
export async function emailSignInLink(email: string): Promise<{ sent: true } | { sent: false; message: string }> {
  const redirectUrl = await signIn("resend", { email, redirect: false, redirectTo: "/" });
  return signInRequestOutcome(redirectUrl);
}

/** An admin's "Send sign-in link" for an active person (e.g. one imported from CSV), audited once it is sent. */
export async function sendSignInLinkTo(db: Db, actor: RosterActor, userId: string): Promise<RosterResult> {
  const [person] = await db
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deactivatedAt)));
  if (!person) return { ok: false, message: "That person was not found, or is deactivated." };
  const outcome = await emailSignInLink(person.email);
  if (!outcome.sent) return { ok: false, message: outcome.message };
  await audit(db, actor, [{ action: "sign_in_link_sent", subjectId: userId, details: { email: person.email } }]);
  return { ok: true, userId };
}

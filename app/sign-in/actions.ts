"use server";

import { eq } from "drizzle-orm";
import { headers } from "next/headers";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { signIn } from "@/lib/auth/config";
import { safeReturnPath } from "@/lib/auth/return-path";
import { clientIp } from "@/lib/auth/request";
import { hitRateLimit, SIGN_IN_PER_EMAIL, SIGN_IN_PER_IP } from "@/lib/auth/rate-limit";
import { signInRequestSchema } from "@/lib/auth/schemas";
import { fieldErrorsOf, type FormState } from "@/lib/forms";

export type SignInState = FormState & { sent?: boolean };

export async function requestSignInLinkAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const parsed = signInRequestSchema.safeParse({ email: formData.get("email") ?? "" });
  if (!parsed.success)
    return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), message: "Check the email address." };
  const { email } = parsed.data;

  const ip = clientIp(await headers());
  for (const [rule, subject] of [
    [SIGN_IN_PER_IP, ip],
    [SIGN_IN_PER_EMAIL, email],
  ] as const) {
    const limit = await hitRateLimit(db(), rule, subject);
    if (!limit.allowed) {
      const minutes = Math.max(1, Math.ceil(limit.retryAfterSeconds / 60));
      return {
        ok: false,
        message: `Too many sign-in requests. Please wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`,
      };
    }
  }

  // Only registered people get a link; everyone gets the same answer, so accounts cannot be discovered.
  const [known] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
  // The link lands where the visitor was going (a same-origin path only), else on their home page.
  const redirectTo = safeReturnPath(formData.get("next")) ?? "/";
  if (known) await signIn("resend", { email, redirect: false, redirectTo });
  return {
    ok: true,
    sent: true,
    message: "Check your email: if this address belongs to an account, a sign-in link is on its way.",
  };
}

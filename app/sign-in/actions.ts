"use server";

import { signIn } from "@/lib/auth/config";
import { safeReturnPath } from "@/lib/auth/return-path";
import { signInRequestSchema } from "@/lib/auth/schemas";
import { LINK_SENT_MESSAGE, signInRequestOutcome } from "@/lib/auth/sign-in-request";
import { fieldErrorsOf, submittedValues, type FormState } from "@/lib/forms";

export type SignInState = FormState & { sent?: boolean };

export async function requestSignInLinkAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const parsed = signInRequestSchema.safeParse({ email: formData.get("email") ?? "" });
  // A refusal keeps what was typed (the address only: `next` is ours, not the visitor's).
  const values = submittedValues(formData, ["next"]);
  if (!parsed.success)
    return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), message: "Check the email address.", values };

  // The link lands where the visitor was going (a same-origin path only), else on their home page.
  const redirectTo = safeReturnPath(formData.get("next")) ?? "/";
  // Every address goes through Auth.js: its signIn callback applies the rate limit and answers an unknown address
  // exactly as a known one (lib/auth/sign-in-request.ts), the same rules as on /api/auth/signin/resend.
  const redirectUrl = await signIn("resend", { email: parsed.data.email, redirect: false, redirectTo });
  const outcome = signInRequestOutcome(redirectUrl);
  if (!outcome.sent) return { ok: false, message: outcome.message, values };
  return { ok: true, sent: true, message: LINK_SENT_MESSAGE };
}

"use server";

import { db } from "@/db/client";
import { authedAction } from "@/lib/auth/authed-action";
import { emailSignInLink } from "@/lib/roster/invitation";
import { inviteUser } from "@/lib/roster/invite";
import { inviteSchema } from "@/lib/roster/schemas";
import { rosterFormState } from "./result";

export const inviteUserAction = authedAction("admin", inviteSchema, async (input, { user, requestHash }) => {
  const result = await inviteUser(db(), { userId: user.id, requestHash }, input);
  if (!result.ok) return rosterFormState(result, "");
  // After the commit: the invitation is the ordinary sign-in email, so a refused send leaves a registered person.
  const email = await emailSignInLink(input.email);
  const who = input.role === "patient" ? "Patient" : "Clinician";
  return rosterFormState(
    result,
    email.sent
      ? `${who} invited: a sign-in link is on its way to them.`
      : `${who} registered, but the sign-in email was not sent (${email.message}) Use "Send sign-in link" later.`,
  );
});

"use server";

import { db } from "@/db/client";
import { authedAction } from "@/lib/auth/authed-action";
import { sendSignInLinkTo } from "@/lib/roster/invitation";
import { userIdSchema } from "@/lib/roster/schemas";
import { rosterFormState } from "./result";

export const sendSignInLinkAction = authedAction("admin", userIdSchema, async ({ userId }, { user, requestHash }) =>
  rosterFormState(
    await sendSignInLinkTo(db(), { userId: user.id, requestHash }, userId),
    "A sign-in link is on its way.",
  ),
);

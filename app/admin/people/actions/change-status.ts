"use server";

import { db } from "@/db/client";
import { authedAction } from "@/lib/auth/authed-action";
import { userIdSchema } from "@/lib/roster/schemas";
import { deactivateUser, reactivateUser } from "@/lib/roster/status";
import { rosterFormState } from "./result";

export const deactivateUserAction = authedAction("admin", userIdSchema, async ({ userId }, { user, requestHash }) =>
  rosterFormState(
    await deactivateUser(db(), { userId: user.id, requestHash }, userId),
    "Deactivated: their sessions have ended and nothing more is sent to them.",
  ),
);

export const reactivateUserAction = authedAction("admin", userIdSchema, async ({ userId }, { user, requestHash }) =>
  rosterFormState(
    await reactivateUser(db(), { userId: user.id, requestHash }, userId),
    "Reactivated: they can sign in again.",
  ),
);

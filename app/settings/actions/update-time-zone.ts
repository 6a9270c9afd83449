"use server";

import { db } from "@/db/client";
import { authedAction } from "@/lib/auth/authed-action";
import { updateContact } from "@/lib/patients/preferences";
import { timeZoneSchema } from "@/lib/patients/schemas";
import { toFormState } from "./result";

/** The Time zone section: the zone alone. */
export const updateTimeZoneAction = authedAction("patient", timeZoneSchema, async (input, { user, requestHash }) =>
  toFormState(
    await updateContact(
      { db: db(), patientId: user.id, actor: { kind: "patient", userId: user.id }, requestHash },
      input,
    ),
    "Your time zone is saved.",
  ),
);

"use server";

import { db } from "@/db/client";
import { authedAction } from "@/lib/auth/authed-action";
import { updateNotificationPreferences } from "@/lib/patients/preferences";
import { notificationPreferencesSchema } from "@/lib/patients/schemas";
import { toFormState } from "./result";

export const updateNotificationPreferencesAction = authedAction(
  "patient",
  notificationPreferencesSchema,
  async (input, { user, requestHash }) => {
    const result = await updateNotificationPreferences(
      { db: db(), patientId: user.id, actor: { kind: "patient", userId: user.id }, requestHash },
      input,
    );
    return toFormState(result, "Your notification choices are saved.");
  },
);

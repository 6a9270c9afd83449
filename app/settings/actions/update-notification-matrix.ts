"use server";

import { db } from "@/db/client";
import { authedAction } from "@/lib/auth/authed-action";
import { updateNotificationMatrix, updateTextHours } from "@/lib/patients/notification-matrix";
import { notificationMatrixSchema, textHoursSchema } from "@/lib/patients/schemas";
import { toFormState } from "./result";

export const updateNotificationMatrixAction = authedAction(
  "patient",
  notificationMatrixSchema,
  async (input, { user, requestHash }) => {
    const result = await updateNotificationMatrix(
      { db: db(), patientId: user.id, actor: { kind: "patient", userId: user.id }, requestHash },
      input,
    );
    return toFormState(result, "Your choices per message and channel are saved.");
  },
);

export const updateTextHoursAction = authedAction("patient", textHoursSchema, async (input, { user, requestHash }) => {
  const result = await updateTextHours(
    { db: db(), patientId: user.id, actor: { kind: "patient", userId: user.id }, requestHash },
    input,
  );
  return toFormState(result, "Your hours for texts are saved.");
});

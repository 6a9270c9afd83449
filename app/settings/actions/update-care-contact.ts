"use server";

import { db } from "@/db/client";
import { authedAction } from "@/lib/auth/authed-action";
import { updateCareContact } from "@/lib/patients/preferences";
import { careContactSchema } from "@/lib/patients/schemas";
import { toFormState } from "./result";

export const updateCareContactAction = authedAction(
  "patient",
  careContactSchema,
  async (input, { user, requestHash }) => {
    const result = await updateCareContact(
      { db: db(), patientId: user.id, actor: { kind: "patient", userId: user.id }, requestHash },
      input,
    );
    const removed = input.careContactEmail === null;
    return toFormState(result, removed ? "Your care contact is removed." : "Your care contact is saved.");
  },
);

"use server";

import { db } from "@/db/client";
import { authedAction } from "@/lib/auth/authed-action";
import { updateContact } from "@/lib/patients/preferences";
import { contactSchema } from "@/lib/patients/schemas";
import { toFormState } from "./result";

export const updateContactAction = authedAction("patient", contactSchema, async (input, { user, requestHash }) => {
  const result = await updateContact(
    { db: db(), patientId: user.id, actor: { kind: "patient", userId: user.id }, requestHash },
    input,
  );
  return toFormState(result, "Your contact details are saved.");
});

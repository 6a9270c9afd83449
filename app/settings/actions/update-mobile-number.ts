"use server";

import { db } from "@/db/client";
import { authedAction } from "@/lib/auth/authed-action";
import { updateContact } from "@/lib/patients/preferences";
import { mobileNumberSchema } from "@/lib/patients/schemas";
import { toFormState } from "./result";

/** The Contact section: the mobile number alone, so a save here never touches the time zone another tab chose. */
export const updateMobileNumberAction = authedAction(
  "patient",
  mobileNumberSchema,
  async (input, { user, requestHash }) =>
    toFormState(
      await updateContact(
        { db: db(), patientId: user.id, actor: { kind: "patient", userId: user.id }, requestHash },
        input,
      ),
      "Your mobile number is saved.",
    ),
);

"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db/client";
import { authedAction } from "@/lib/auth/authed-action";
import { recordStaffRequest } from "@/lib/patients/staff-requests";
import { staffRequestSchema } from "@/lib/patients/schemas";

/** Staff record a patient's request made by phone, in person, by letter or email: applied at once, in the ledger. */
export const recordStaffRequestAction = authedAction(
  "admin",
  staffRequestSchema,
  async (input, { user, requestHash }) => {
    const result = await recordStaffRequest(db(), { staffId: user.id, ...input, requestHash });
    if (!result.ok)
      return {
        ok: false,
        message: "Nothing was saved.",
        fieldErrors: { patientEmail: ["No patient has this email address."] },
      };
    revalidatePath("/admin/inbox");
    return {
      ok: true,
      message: result.changed > 0 ? "Saved: the change is in effect now." : "That was already off; nothing changed.",
    };
  },
);

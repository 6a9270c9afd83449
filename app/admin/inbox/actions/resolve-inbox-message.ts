"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db/client";
import { authedAction } from "@/lib/auth/authed-action";
import { resolveInboxMessage } from "@/lib/patients/staff-requests";
import { resolveInboxSchema } from "@/lib/patients/schemas";

/** Staff record what an inbox message asked for: texts off, or no change. */
export const resolveInboxMessageAction = authedAction(
  "admin",
  resolveInboxSchema,
  async (input, { user, requestHash }) => {
    const result = await resolveInboxMessage(db(), { staffId: user.id, ...input, requestHash });
    if (!result.ok)
      return {
        ok: false,
        message:
          result.reason === "already_resolved"
            ? "Someone already resolved this message."
            : "That message does not exist.",
      };
    revalidatePath("/admin/inbox");
    return { ok: true, message: input.outcome === "texts_off" ? "Resolved: texts are off." : "Resolved: no change." };
  },
);

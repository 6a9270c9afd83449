"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db/client";
import { saveWorkingHours } from "@/lib/appointments/hours";
import { workingHoursSchema } from "@/lib/appointments/schemas";
import { authedAction } from "@/lib/auth/authed-action";

export const saveWorkingHoursAction = authedAction(
  ["clinician", "admin"],
  workingHoursSchema,
  async ({ clinicianId, ...days }, { user }) => {
    const result = await saveWorkingHours(db(), user, { clinicianId, days });
    if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.fieldErrors };
    revalidatePath("/schedule/hours");
    return { ok: true, message: "Working hours saved. New bookings and moves follow them; booked visits stay." };
  },
);

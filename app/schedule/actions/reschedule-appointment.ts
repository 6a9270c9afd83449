"use server";

import { db } from "@/db/client";
import { rescheduleAppointment } from "@/lib/appointments/lifecycle";
import { rescheduleAppointmentSchema } from "@/lib/appointments/schemas";
import { authedAction } from "@/lib/auth/authed-action";
import { toFormState } from "./result";

export const rescheduleAppointmentAction = authedAction(
  ["clinician", "admin"],
  rescheduleAppointmentSchema,
  async (input, { user }) =>
    toFormState(
      await rescheduleAppointment(db(), user, input.appointmentId, input.startsAt),
      "Moved. The patient is told the new time as their settings allow.",
    ),
);

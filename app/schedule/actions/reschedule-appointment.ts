"use server";

import { db } from "@/db/client";
import { rescheduleAppointment } from "@/lib/appointments/lifecycle";
import { overrideOf, rescheduleAppointmentSchema } from "@/lib/appointments/schemas";
import { authedAction } from "@/lib/auth/authed-action";
import { toFormState } from "./result";

export const rescheduleAppointmentAction = authedAction(
  ["clinician", "admin"],
  rescheduleAppointmentSchema,
  async (input, { user }) =>
    toFormState(
      await rescheduleAppointment(db(), user, input.appointmentId, input.startsAt, overrideOf(input)),
      "Moved. The new time is queued for the patient; it goes out as their settings allow.",
    ),
);

"use server";

import { db } from "@/db/client";
import { cancelAppointment } from "@/lib/appointments/lifecycle";
import { cancelAppointmentSchema } from "@/lib/appointments/schemas";
import { authedAction } from "@/lib/auth/authed-action";
import { toFormState } from "./result";

export const cancelAppointmentAction = authedAction(
  ["clinician", "admin"],
  cancelAppointmentSchema,
  async (input, { user }) =>
    toFormState(
      await cancelAppointment(db(), user, input.appointmentId, input.reason),
      "Cancelled. The cancellation notice to the patient is queued; it goes out as their settings allow.",
    ),
);

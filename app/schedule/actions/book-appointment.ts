"use server";

import { db } from "@/db/client";
import { bookAppointment } from "@/lib/appointments/lifecycle";
import { bookAppointmentSchema, overrideOf } from "@/lib/appointments/schemas";
import { authedAction } from "@/lib/auth/authed-action";
import { toFormState } from "./result";

export const bookAppointmentAction = authedAction(
  ["clinician", "admin"],
  bookAppointmentSchema,
  async (input, { user }) =>
    toFormState(
      await bookAppointment(db(), user, { ...input, override: overrideOf(input) }),
      "Booked. The confirmation to the patient is queued; it goes out as their settings allow.",
    ),
);

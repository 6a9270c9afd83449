"use server";

import { db } from "@/db/client";
import { authedAction } from "@/lib/auth/authed-action";
import { assignClinician, unassignClinician } from "@/lib/roster/assignments";
import { assignmentSchema } from "@/lib/roster/schemas";
import { rosterFormState } from "./result";

export const assignClinicianAction = authedAction("admin", assignmentSchema, async (input, { user, requestHash }) =>
  rosterFormState(await assignClinician(db(), { userId: user.id, requestHash }, input), "Assigned."),
);

export const unassignClinicianAction = authedAction("admin", assignmentSchema, async (input, { user, requestHash }) =>
  rosterFormState(await unassignClinician(db(), { userId: user.id, requestHash }, input), "Unassigned."),
);

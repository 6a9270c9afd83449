"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db/client";
import { relayAfterResponse } from "@/inngest/relay";
import { authedAction } from "@/lib/auth/authed-action";
import { formStateOf } from "@/lib/forms";
import { saveProgressNote } from "@/lib/progress/notes";
import { progressNoteSchema } from "@/lib/progress/schemas";

// Clinicians only: admins read what happened but never write clinical notes.
export const saveProgressNoteAction = authedAction("clinician", progressNoteSchema, async (input, { user }) => {
  const result = await saveProgressNote(db(), user, input);
  if (!result.ok) return formStateOf(result, "");
  revalidatePath(`/schedule/${input.appointmentId}/notes`);
  relayAfterResponse();
  return {
    ok: true,
    message: "Saved. The summary is on the patient's Progress page; sharing is queued and follows their settings.",
  };
});

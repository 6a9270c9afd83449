import { revalidatePath } from "next/cache";
import { formStateOf, type FormState } from "@/lib/forms";
import type { ChangeResult } from "@/lib/patients/preferences";

/** Turns a domain result into the form's state; refreshes the page only when something changed. */
export function toFormState(result: ChangeResult, savedMessage: string): FormState {
  if (!result.ok) return formStateOf(result, savedMessage);
  if (result.changed.length === 0) return { ok: true, message: "No changes to save." };
  revalidatePath("/settings");
  return { ok: true, message: savedMessage };
}

import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/forms";
import type { RosterResult } from "@/lib/roster/invite";

/** A roster change's answer to its form; the people page shows the change and its audit row at once. */
export function rosterFormState(result: RosterResult, done: string): FormState {
  if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.fieldErrors };
  revalidatePath("/admin/people");
  return { ok: true, message: done };
}

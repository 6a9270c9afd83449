import { revalidatePath } from "next/cache";
import type { LifecycleResult } from "@/lib/appointments/lifecycle";
import type { FormState } from "@/lib/forms";

export function toFormState(result: LifecycleResult, done: string): FormState {
  if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.fieldErrors };
  revalidatePath("/schedule");
  return { ok: true, message: done };
}

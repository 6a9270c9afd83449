import { revalidatePath } from "next/cache";
import type { LifecycleResult } from "@/lib/appointments/lifecycle";
import { formStateOf, type FormState } from "@/lib/forms";
import { relayAfterResponse } from "@/inngest/relay";

export function toFormState(result: LifecycleResult, done: string): FormState {
  if (!result.ok) return formStateOf(result, done);
  revalidatePath("/schedule");
  // Every appointment change wrote its event to the outbox: publish it once the response is on its way.
  relayAfterResponse();
  return { ok: true, message: done };
}

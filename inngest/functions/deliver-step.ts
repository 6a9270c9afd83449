import { RetryAfterError } from "inngest";
import { db } from "@/db/client";
import {
  deliver,
  DeliveryInFlightError,
  recordSent,
  retireDeferred,
  type DeliveryRequest,
} from "@/lib/notifications/gate";
import type { inngest } from "../client";

type Step = Parameters<Parameters<typeof inngest.createFunction>[1]>[0]["step"];

/**
 * The gate as the body of an Inngest step. A transient provider failure throws, so Inngest retries the step alone;
 * a key that another attempt still holds is retried when that claim's lease runs out, not on the usual backoff,
 * which could spend every retry before the lease ends and leave the message unsent.
 */
export async function deliverStep(request: DeliveryRequest) {
  try {
    return await deliver(db(), request);
  } catch (error) {
    if (error instanceof DeliveryInFlightError)
      throw new RetryAfterError(error.message, error.retryAt, { cause: error });
    throw error;
  }
}

/** A patient who narrows their hours while a text waits can move it again; a few wakes cover any real change. */
const MAX_DEFERRALS = 5;

/**
 * One message through the gate in a step; if the provider accepted it but its outcome could not be written, a second
 * step records it. Inngest memoizes the first step's result, so retrying the record never sends again.
 */
export async function deliverInSteps(step: Step, stepId: string, request: DeliveryRequest) {
  let result = await step.run(stepId, () => deliverStep(request));
  // A text in quiet hours: sleep until the first allowed moment, then ask the gate again (it re-reads everything).
  // The loop ends: each deferral is to a later moment inside the message's useful time, or the gate skips it.
  for (let wake = 1; result.outcome === "deferred" && wake <= MAX_DEFERRALS; wake++) {
    const deferredId = result.deliveryId;
    await step.sleepUntil(`${stepId}-quiet-hours-${wake}`, new Date(result.until));
    result = await step.run(`${stepId}-after-quiet-hours-${wake}`, () => deliverStep(request));
    // The visit moved while the text slept: its message for the new time has its own row (or is not due yet).
    if (!("deliveryId" in result) || result.deliveryId !== deferredId)
      await step.run(`${stepId}-retire-deferred-${wake}`, () => retireDeferred(db(), deferredId));
  }
  // Still pushed later after every wake (the patient kept narrowing their hours): it is not left waiting for ever.
  if (result.outcome === "deferred") {
    const deferredId = result.deliveryId;
    await step.run(`${stepId}-quiet-hours-give-up`, () => retireDeferred(db(), deferredId, "quiet_hours"));
    return { outcome: "skipped" as const, deliveryId: deferredId, reason: "quiet_hours" as const };
  }
  if (result.outcome === "sent" && result.unrecorded) {
    const accepted = result.unrecorded;
    await step.run(`${stepId}-record-sent`, () => recordSent(db(), accepted));
    return { outcome: result.outcome, deliveryId: result.deliveryId, providerMessageId: result.providerMessageId };
  }
  return result;
}

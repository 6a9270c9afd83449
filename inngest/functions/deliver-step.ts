import { RetryAfterError } from "inngest";
import { db } from "@/db/client";
import { deliver, DeliveryInFlightError, type DeliveryRequest } from "@/lib/notifications/gate";

/**
 * The gate as the body of an Inngest step. A transient provider failure throws, so Inngest retries the step alone;
 * a key that another attempt still holds is retried when that claim's lease runs out, not on the usual backoff,
 * which could spend every retry before the lease ends and leave the message unsent.
 */
export async function deliverStep(request: DeliveryRequest) {
  try {
    return await deliver(db(), request);
  } catch (error) {
    if (error instanceof DeliveryInFlightError) throw new RetryAfterError(error.message, error.retryAt, { cause: error });
    throw error;
  }
}

import { after } from "next/server";
import { log } from "./log";

/**
 * Runs `work` once the response has been sent (Next's `after()`), so the person acting never waits on an outside
 * service. A failure is logged by `label` and error name only (no PHI); whatever it was for must also be durable by
 * another path (the outbox). Outside a request (scripts, the Inngest handler's own work) it does nothing.
 */
export function afterResponse(label: string, work: () => Promise<unknown>): void {
  try {
    after(async () => {
      try {
        await work();
      } catch (error) {
        log.error({ err: error, task: label }, "work after the response failed");
      }
    });
  } catch {
    // Not in a request scope.
  }
}

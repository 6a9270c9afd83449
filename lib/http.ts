import { randomUUID } from "node:crypto";
import { unstable_rethrow } from "next/navigation";
import { log } from "./log";
import type { DomainRefusal } from "./result";

/** A short id that ties the answer a person sees to the server's log line. */
export const newRequestId = () => randomUUID().slice(0, 8);

/** A database refusal that is the caller's fault: an unknown reference (FK) or a duplicate (unique). */
export function inputRefusal(error: unknown): { status: 404 | 409 | 422; message: string } | null {
  const code =
    (error as { code?: unknown; cause?: { code?: unknown } })?.cause?.code ?? (error as { code?: unknown })?.code;
  if (code === "23503") return { status: 422, message: "That refers to something that does not exist." };
  if (code === "23505") return { status: 409, message: "That already exists." };
  if (code === "22P02" || code === "22021") return { status: 422, message: "Some of the input cannot be read." };
  return null;
}

/**
 * Every route handler runs inside this: an unexpected error is logged without PHI (code, constraint, request id) and
 * answered with a generic 500 carrying the id; a refusal by the database that is the caller's fault is a 4xx.
 */
export function handleErrors<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      unstable_rethrow(error);
      const refusal = inputRefusal(error);
      if (refusal) return Response.json({ error: refusal.message }, { status: refusal.status });
      const requestId = newRequestId();
      log.error({ err: error, requestId }, "route handler failed");
      return Response.json({ error: `Something went wrong on our side (reference ${requestId}).` }, { status: 500 });
    }
  };
}

/** The route-handler adapter for a DomainResult refusal: its status (422 unless it says) and what to fix. */
export function refusalResponse(refusal: DomainRefusal): Response {
  const body: { error: string; fieldErrors?: DomainRefusal["fieldErrors"] } = {
    error: refusal.message ?? "Nothing was changed.",
  };
  if (refusal.fieldErrors) body.fieldErrors = refusal.fieldErrors;
  return Response.json(body, { status: refusal.status ?? 422 });
}

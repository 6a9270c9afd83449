import "server-only";
import { createHash } from "node:crypto";
import { headers } from "next/headers";
import type { z } from "zod";
import type { Role } from "@/db/schema";
import { unstable_rethrow } from "next/navigation";
import { env } from "@/lib/env";
import { fieldErrorsOf, type FormState } from "@/lib/forms";
import { inputRefusal, newRequestId } from "@/lib/http";
import { log } from "@/lib/log";
import { clientIp } from "./request";
import { authorize, type SessionUser } from "./session";

export type ActionContext = {
  user: SessionUser;
  /** salted hash of IP and user agent, for the audit ledger; never the raw values */
  requestHash: string;
};

/** Form fields only: React's own `$ACTION_*` fields (posts without JavaScript) are not input. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = formData.getAll(key);
    object[key] = values.length === 1 ? values[0] : values;
  }
  return object;
}

export function hashRequest(ip: string, userAgent: string | null): string {
  return createHash("sha256")
    .update(`${env().authSecret}|${ip}|${userAgent ?? ""}`)
    .digest("hex")
    .slice(0, 32);
}

/** The same hash for a route handler's request (the audit ledger's request column). */
export function requestHashOf(requestHeaders: Headers): string {
  return hashRequest(clientIp(requestHeaders), requestHeaders.get("user-agent"));
}

/**
 * Every server action goes through here: session and role first, then the zod schema, then the handler.
 * Nothing is written unless all three pass, and the submitted values are never echoed back.
 */
export function authedAction<S extends z.ZodType>(
  roles: Role | Role[],
  schema: S,
  handler: (input: z.output<S>, ctx: ActionContext) => Promise<FormState>,
) {
  const allowed = Array.isArray(roles) ? roles : [roles];
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    try {
      const authorization = await authorize(...allowed);
      if (!authorization.ok) return { ok: false, message: authorization.message };
      const parsed = schema.safeParse(formDataToObject(formData));
      if (!parsed.success) {
        return {
          ok: false,
          message: "Nothing was saved. Please check the highlighted fields.",
          fieldErrors: fieldErrorsOf(parsed.error),
        };
      }
      const requestHeaders = await headers();
      return await handler(parsed.data, {
        user: authorization.user,
        requestHash: requestHashOf(requestHeaders),
      });
    } catch (error) {
      // redirect() and notFound() are not failures; anything else is answered here, so Next never logs the raw error.
      unstable_rethrow(error);
      const refusal = inputRefusal(error);
      if (refusal)
        return {
          ok: false,
          message: `Nothing was saved: ${refusal.message.charAt(0).toLowerCase()}${refusal.message.slice(1)}`,
        };
      const requestId = newRequestId();
      log.error({ err: error, requestId }, "server action failed");
      return { ok: false, message: `Something went wrong on our side and nothing was saved (reference ${requestId}).` };
    }
  };
}

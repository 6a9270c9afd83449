import "server-only";
import { Webhook } from "svix";
import { z } from "zod";
import type { ProviderStatus } from "./provider-status";

/** Resend's email events, as far as the portal reads them (unknown fields and event types are ignored). */
export const resendEventSchema = z.object({
  type: z.string().max(64),
  data: z.object({
    email_id: z.string().min(1).max(128),
    to: z.array(z.string().max(320)).optional(),
    bounce: z.object({ type: z.string().max(64).optional(), subType: z.string().max(64).optional() }).optional(),
  }),
});
export type ResendEvent = z.output<typeof resendEventSchema>;

/** True when svix (the library Resend signs with) accepts the signature, the timestamp's freshness included. */
export function isSignedByResend(secret: string | undefined, payload: string, headers: Headers): boolean {
  if (!secret) return false;
  const svixHeaders = {
    "svix-id": headers.get("svix-id") ?? "",
    "svix-timestamp": headers.get("svix-timestamp") ?? "",
    "svix-signature": headers.get("svix-signature") ?? "",
  };
  try {
    new Webhook(secret).verify(payload, svixHeaders);
    return true;
  } catch {
    return false;
  }
}

/** The event on the delivery scale; a transient bounce is "undelivered", only a permanent one flags the address. */
export function statusOfResendEvent(event: ResendEvent): { status: ProviderStatus; errorCode?: string } | null {
  switch (event.type) {
    case "email.sent":
      return { status: "sent" };
    case "email.delivered":
      return { status: "delivered" };
    case "email.complained":
      return { status: "complained" };
    case "email.failed":
      return { status: "failed" };
    case "email.bounced": {
      const type = event.data.bounce?.type ?? "Permanent";
      const code = [type, event.data.bounce?.subType].filter(Boolean).join(":");
      return type === "Permanent" ? { status: "bounced", errorCode: code } : { status: "undelivered", errorCode: code };
    }
    default:
      return null;
  }
}

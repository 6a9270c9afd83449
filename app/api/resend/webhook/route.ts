import { db } from "@/db/client";
import { env } from "@/lib/env";
import { handleErrors } from "@/lib/http";
import { recordProviderReport } from "@/lib/notifications/delivery-status";
import { isSignedByResend, resendEventSchema, statusOfResendEvent } from "@/lib/notifications/resend-webhook";
import { receiptSources } from "@/lib/twilio/receipts";
import { readBodyText } from "@/lib/validation";

// Resend's webhooks (signed by svix): each svix-id is recorded once and only moves a delivery forward.
export const POST = handleErrors(async (request: Request) => {
  const payload = await readBodyText(request);
  if (payload instanceof Response) return payload;
  if (!isSignedByResend(env().resendWebhookSecret, payload, request.headers)) {
    return Response.json({ error: "Invalid signature." }, { status: 401 });
  }
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return Response.json({ error: "The body is not JSON." }, { status: 400 });
  }
  const parsed = resendEventSchema.safeParse(json);
  if (!parsed.success) return Response.json({ error: "The event has no email id." }, { status: 400 });
  const reported = statusOfResendEvent(parsed.data);
  if (!reported) return new Response(null, { status: 204 });
  const outcome = await recordProviderReport(db(), {
    receipt: { source: receiptSources.resendWebhook, key: request.headers.get("svix-id")! },
    providerMessageId: parsed.data.data.email_id,
    status: reported.status,
    errorCode: reported.errorCode ?? null,
    recipient: parsed.data.data.to?.[0] ?? null,
  });
  return Response.json({ outcome });
});

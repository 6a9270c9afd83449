import { db } from "@/db/client";
import { handleErrors } from "@/lib/http";
import { recordProviderReport } from "@/lib/notifications/delivery-status";
import { fromTwilioStatus } from "@/lib/notifications/provider-status";
import { receiptSources } from "@/lib/twilio/receipts";
import { firstProblem, messageStatusSchema } from "@/lib/twilio/schemas";
import { isSignedByTwilio } from "@/lib/twilio/webhooks";
import { readFormBody } from "@/lib/validation";

// Twilio's message status callbacks: each (MessageSid, status) is recorded once and only moves a delivery forward.
// Anything answered 2xx is final for Twilio, so an unknown message or a status we do not track is acknowledged too.
export const POST = handleErrors(async (request: Request) => {
  const params = await readFormBody(request);
  if (params instanceof Response) return params;
  if (!isSignedByTwilio(new URL(request.url).pathname, request.headers.get("x-twilio-signature"), params)) {
    return Response.json({ error: "Invalid signature." }, { status: 403 });
  }
  const parsed = messageStatusSchema.safeParse(params);
  if (!parsed.success) return Response.json({ error: firstProblem(parsed.error) }, { status: 400 });
  const callback = parsed.data;
  const status = fromTwilioStatus(callback.MessageStatus);
  if (!status) return new Response(null, { status: 204 });
  const outcome = await recordProviderReport(db(), {
    receipt: { source: receiptSources.messageStatus, key: `${callback.MessageSid}:${callback.MessageStatus}` },
    providerMessageId: callback.MessageSid,
    status,
    errorCode: callback.ErrorCode ?? null,
    recipient: callback.To ?? null,
  });
  return Response.json({ outcome });
});

import { db } from "@/db/client";
import { relayAfterResponse } from "@/inngest/relay";
import { afterResponse } from "@/lib/after-response";
import { handleErrors } from "@/lib/http";
import { sendRevocationConfirmation } from "@/lib/notifications/revocation-confirmation";
import { optOutIntent, receiveInboundText } from "@/lib/patients/text-opt-out";
import { firstProblem, inboundTextSchema } from "@/lib/twilio/schemas";
import { isSignedByTwilio } from "@/lib/twilio/webhooks";
import { readFormBody } from "@/lib/validation";

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

// Inbound SMS/WhatsApp, once per MessageSid: a revocation turns texts off (and its one confirmation goes after the
// response, with the outbox as the durable path), START turns them back on, anything else lands in the staff inbox.
// A replay is answered like the first delivery (200, empty TwiML) so Twilio stops retrying.
export const POST = handleErrors(async (request: Request) => {
  const params = await readFormBody(request);
  if (params instanceof Response) return params;
  if (!isSignedByTwilio(new URL(request.url).pathname, request.headers.get("x-twilio-signature"), params)) {
    return Response.json({ error: "Invalid signature." }, { status: 403 });
  }
  const parsed = inboundTextSchema.safeParse(params);
  if (!parsed.success) return Response.json({ error: firstProblem(parsed.error) }, { status: 400 });
  const text = parsed.data;
  const result = await receiveInboundText(db(), {
    messageSid: text.MessageSid,
    from: text.From,
    body: text.Body ?? "",
    intent: optOutIntent(text),
  });
  if (result.confirmations.length > 0) {
    afterResponse("revocation confirmation", async () => {
      for (const deliveryId of result.confirmations) await sendRevocationConfirmation(db(), deliveryId);
    });
    relayAfterResponse();
  }
  return new Response(EMPTY_TWIML, { headers: { "content-type": "text/xml" } });
});

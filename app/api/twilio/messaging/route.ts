import { db } from "@/db/client";
import { handleErrors } from "@/lib/http";
import { optOutIntent, receiveInboundText } from "@/lib/patients/text-opt-out";
import { firstProblem, inboundTextSchema } from "@/lib/twilio/schemas";
import { isSignedByTwilio } from "@/lib/twilio/webhooks";
import { readFormBody } from "@/lib/validation";

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

// Inbound SMS/WhatsApp: STOP and START change the patient's stored text preference, once per MessageSid. Twilio itself
// confirms to the sender. A replay is answered like the first delivery (200, empty TwiML) so Twilio stops retrying.
export const POST = handleErrors(async (request: Request) => {
  const params = await readFormBody(request);
  if (params instanceof Response) return params;
  if (!isSignedByTwilio(new URL(request.url).pathname, request.headers.get("x-twilio-signature"), params)) {
    return Response.json({ error: "Invalid signature." }, { status: 403 });
  }
  const parsed = inboundTextSchema.safeParse(params);
  if (!parsed.success) return Response.json({ error: firstProblem(parsed.error) }, { status: 400 });
  const text = parsed.data;
  await receiveInboundText(db(), { messageSid: text.MessageSid, from: text.From, intent: optOutIntent(text) });
  return new Response(EMPTY_TWIML, { headers: { "content-type": "text/xml" } });
});

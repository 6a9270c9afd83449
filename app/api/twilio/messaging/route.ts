import { db } from "@/db/client";
import { applyTextOptOut, optOutIntent } from "@/lib/patients/text-opt-out";
import { isSignedByTwilio } from "@/lib/twilio/webhooks";

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

// Inbound SMS/WhatsApp: STOP and START change the patient's stored text preference. Twilio itself confirms to the sender.
export async function POST(request: Request) {
  const params = Object.fromEntries(new URLSearchParams(await request.text())) as Record<string, string>;
  if (!isSignedByTwilio(new URL(request.url).pathname, request.headers.get("x-twilio-signature"), params)) {
    return new Response("Invalid signature", { status: 403 });
  }
  const intent = optOutIntent(params);
  if (intent && params.From) await applyTextOptOut(db(), params.From, intent);
  return new Response(EMPTY_TWIML, { headers: { "content-type": "text/xml" } });
}

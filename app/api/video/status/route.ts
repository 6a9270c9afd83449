import { db } from "@/db/client";
import { isSignedByTwilio } from "@/lib/twilio/webhooks";
import { handleRoomEvent } from "@/lib/video/enforce";

// Twilio Video room status callbacks (signed with the auth token): recorded, and unconsented recordings stopped.
export async function POST(request: Request) {
  const params = Object.fromEntries(new URLSearchParams(await request.text())) as Record<string, string>;
  if (!isSignedByTwilio(new URL(request.url).pathname, request.headers.get("x-twilio-signature"), params)) {
    return new Response("Invalid signature", { status: 403 });
  }
  if (!params.RoomSid || !params.StatusCallbackEvent)
    return new Response("Missing RoomSid or StatusCallbackEvent", { status: 400 });
  const action = await handleRoomEvent(db(), {
    RoomSid: params.RoomSid,
    StatusCallbackEvent: params.StatusCallbackEvent,
    RecordingSid: params.RecordingSid,
    ParticipantIdentity: params.ParticipantIdentity,
  });
  return Response.json({ ok: true, action });
}

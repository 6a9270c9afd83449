import { db } from "@/db/client";
import { handleErrors } from "@/lib/http";
import { firstProblem, roomCallbackSchema } from "@/lib/twilio/schemas";
import { readFormBody } from "@/lib/validation";
import { videoProvider } from "@/lib/video/provider";
import { receiveRoomCallback } from "@/lib/video/room-callbacks";

// Twilio Video room status callbacks (signed with the auth token): each handled once by its identity, unconsented
// recordings stopped and deleted. A failure answers 500, so Twilio's retry is processed; a replay answers 200.
export const POST = handleErrors(async (request: Request) => {
  const params = await readFormBody(request);
  if (params instanceof Response) return params;
  const provider = videoProvider(db());
  if (!provider.verifyCallback(new URL(request.url).pathname, request.headers.get("x-twilio-signature"), params)) {
    return Response.json({ error: "Invalid signature." }, { status: 403 });
  }
  const parsed = roomCallbackSchema.safeParse(params);
  if (!parsed.success) return Response.json({ error: firstProblem(parsed.error) }, { status: 400 });
  const { replay, action } = await receiveRoomCallback(db(), parsed.data);
  return Response.json(replay ? { ok: true, action, replay } : { ok: true, action });
});

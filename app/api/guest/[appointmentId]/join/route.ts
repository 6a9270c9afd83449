import { cookies } from "next/headers";
import { db } from "@/db/client";
import { env } from "@/lib/env";
import { handleErrors } from "@/lib/http";
import { isRecordId } from "@/lib/validation";
import { GUEST_COOKIE, redeemInvite } from "@/lib/video/guests";
import { readJsonInput, redeemGuestSchema } from "@/lib/video/schemas";

// A guest redeems their single-use link: their chosen role and their answer to the recording question hold the room
// at once.
export const POST = handleErrors(
  async (request: Request, { params }: RouteContext<"/api/guest/[appointmentId]/join">) => {
    const { appointmentId } = await params;
    if (!isRecordId(appointmentId)) return Response.json({ error: "Not found." }, { status: 404 });
    const input = await readJsonInput(request, redeemGuestSchema);
    if (input instanceof Response) return input;
    const { token, ...guest } = input;
    const result = await redeemInvite(db(), appointmentId, token, guest);
    if (!result.ok) return Response.json({ error: result.message }, { status: result.status });
    (await cookies()).set(GUEST_COOKIE, result.sessionToken, {
      httpOnly: true,
      sameSite: "lax",
      secure: env().isProduction,
      path: `/`,
      maxAge: 6 * 60 * 60,
    });
    // In a Twilio room in progress, a token for that room only; the session cookie is never in the body.
    return Response.json(
      { ok: true, mode: result.mode, token: result.token },
      { headers: { "cache-control": "no-store" } },
    );
  },
);

import { db } from "@/db/client";
import { authorize } from "@/lib/auth/session";
import { handleErrors } from "@/lib/http";
import { isRecordId } from "@/lib/validation";
import { inviteGuest } from "@/lib/video/guests";
import { inviteGuestSchema, readJsonInput } from "@/lib/video/schemas";

// The clinician invites a companion or interpreter to their own visit; the link is never echoed back.
export const POST = handleErrors(
  async (request: Request, { params }: RouteContext<"/api/sessions/[appointmentId]/guests">) => {
    const auth = await authorize("clinician");
    if (!auth.ok) return Response.json({ error: auth.message }, { status: auth.status });
    const { appointmentId } = await params;
    if (!isRecordId(appointmentId)) return Response.json({ error: "Not found." }, { status: 404 });
    const input = await readJsonInput(request, inviteGuestSchema);
    if (input instanceof Response) return input;
    const result = await inviteGuest(db(), auth.user.id, appointmentId, input);
    if (!result.ok) return Response.json({ error: result.message }, { status: result.status });
    return Response.json({ ok: true, message: "The invitation is on its way." });
  },
);

import { cookies } from "next/headers";
import { db } from "@/db/client";
import { handleErrors } from "@/lib/http";
import { isRecordId } from "@/lib/validation";
import { GUEST_COOKIE, guestOf } from "@/lib/video/guests";
import { guestStateView } from "@/lib/video/visits";

// A guest polls the visit's recording state (with who keeps it off); nothing of the patient's record.
export const GET = handleErrors(
  async (_request: Request, { params }: RouteContext<"/api/guest/[appointmentId]/state">) => {
    const { appointmentId } = await params;
    if (!isRecordId(appointmentId)) return Response.json({ error: "Not found." }, { status: 404 });
    const guest = await guestOf(db(), appointmentId, (await cookies()).get(GUEST_COOKIE)?.value);
    if (!guest) return Response.json({ error: "This link is not valid for this visit." }, { status: 403 });
    return Response.json(await guestStateView(db(), appointmentId), { headers: { "cache-control": "no-store" } });
  },
);

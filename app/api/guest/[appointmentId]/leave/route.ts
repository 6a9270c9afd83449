import { cookies } from "next/headers";
import { db } from "@/db/client";
import { handleErrors } from "@/lib/http";
import { isRecordId } from "@/lib/validation";
import { GUEST_COOKIE, guestOf } from "@/lib/video/guests";
import { leaveVisit } from "@/lib/video/lifecycle";

// A guest leaves the visit their session cookie is for, and no other.
export const POST = handleErrors(
  async (_request: Request, { params }: RouteContext<"/api/guest/[appointmentId]/leave">) => {
    const { appointmentId } = await params;
    if (!isRecordId(appointmentId)) return Response.json({ error: "Not found." }, { status: 404 });
    const guest = await guestOf(db(), appointmentId, (await cookies()).get(GUEST_COOKIE)?.value);
    if (!guest) return Response.json({ error: "This link is not valid for this visit." }, { status: 403 });
    await leaveVisit(db(), appointmentId, guest.identity);
    return Response.json({ ok: true }, { headers: { "cache-control": "no-store" } });
  },
);

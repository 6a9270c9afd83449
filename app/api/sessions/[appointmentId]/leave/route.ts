import { db } from "@/db/client";
import { authorize } from "@/lib/auth/session";
import { handleErrors } from "@/lib/http";
import { isRecordId } from "@/lib/validation";
import { clinicianLeaves } from "@/lib/video/lifecycle";

// The clinician leaves their own visit: the room stays open for the others, held to who is left.
export const POST = handleErrors(
  async (_request: Request, { params }: RouteContext<"/api/sessions/[appointmentId]/leave">) => {
    const auth = await authorize("clinician");
    if (!auth.ok) return Response.json({ error: auth.message }, { status: auth.status });
    const { appointmentId } = await params;
    if (!isRecordId(appointmentId)) return Response.json({ error: "Not found." }, { status: 404 });
    const result = await clinicianLeaves(db(), auth.user.id, appointmentId);
    if (!result.ok) return Response.json({ error: result.message }, { status: result.status });
    return Response.json(result, { headers: { "cache-control": "no-store" } });
  },
);

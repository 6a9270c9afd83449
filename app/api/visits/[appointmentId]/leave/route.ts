import { db } from "@/db/client";
import { authorize } from "@/lib/auth/session";
import { handleErrors } from "@/lib/http";
import { isRecordId } from "@/lib/validation";
import { patientLeaves } from "@/lib/video/lifecycle";

// The patient leaves their own visit; they may join again while it is open.
export const POST = handleErrors(
  async (_request: Request, { params }: RouteContext<"/api/visits/[appointmentId]/leave">) => {
    const auth = await authorize("patient");
    if (!auth.ok) return Response.json({ error: auth.message }, { status: auth.status });
    const { appointmentId } = await params;
    if (!isRecordId(appointmentId)) return Response.json({ error: "Not found." }, { status: 404 });
    const result = await patientLeaves(db(), auth.user.id, appointmentId);
    if (!result.ok) return Response.json({ error: result.message }, { status: result.status });
    return Response.json(result, { headers: { "cache-control": "no-store" } });
  },
);

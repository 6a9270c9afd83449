import { db } from "@/db/client";
import { authorize } from "@/lib/auth/session";
import { handleErrors } from "@/lib/http";
import { isRecordId } from "@/lib/validation";
import { endForEveryone } from "@/lib/video/lifecycle";

// Only the visit's own clinician ends it for everyone: the room is completed and every page says the visit has ended.
export const POST = handleErrors(
  async (_request: Request, { params }: RouteContext<"/api/sessions/[appointmentId]/end">) => {
    const auth = await authorize("clinician");
    if (!auth.ok) return Response.json({ error: auth.message }, { status: auth.status });
    const { appointmentId } = await params;
    if (!isRecordId(appointmentId)) return Response.json({ error: "Not found." }, { status: 404 });
    const result = await endForEveryone(db(), auth.user.id, appointmentId);
    if (!result.ok) return Response.json({ error: result.message }, { status: result.status });
    return Response.json(result, { headers: { "cache-control": "no-store" } });
  },
);

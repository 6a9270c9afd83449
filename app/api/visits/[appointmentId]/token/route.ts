import { db } from "@/db/client";
import { authorize } from "@/lib/auth/session";
import { joinVisit } from "@/lib/video/visits";
import { handleErrors, refusalResponse } from "@/lib/http";
import { isRecordId } from "@/lib/validation";
import { joinVisitSchema, readJsonInput } from "@/lib/video/schemas";

// The patient's join token: only for their own visit, only in its time window, never creating a room.
export const POST = handleErrors(
  async (request: Request, { params }: RouteContext<"/api/visits/[appointmentId]/token">) => {
    const auth = await authorize("patient");
    if (!auth.ok) return Response.json({ error: auth.message }, { status: auth.status });
    const { appointmentId } = await params;
    if (!isRecordId(appointmentId)) return Response.json({ error: "Not found." }, { status: 404 });
    const input = await readJsonInput(request, joinVisitSchema);
    if (input instanceof Response) return input;
    const result = await joinVisit(
      db(),
      auth.user.id,
      appointmentId,
      input.recordThisVisit,
      undefined,
      input.transcribeThisVisit,
    );
    if (!result.ok) return refusalResponse(result);
    return Response.json(result, { headers: { "cache-control": "no-store" } });
  },
);

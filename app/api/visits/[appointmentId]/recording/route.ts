import { db } from "@/db/client";
import { relayAfterResponse } from "@/inngest/relay";
import { afterResponse } from "@/lib/after-response";
import { authorize } from "@/lib/auth/session";
import { handleErrors } from "@/lib/http";
import { isRecordId } from "@/lib/validation";
import { enforceRecordingConsent } from "@/lib/video/enforce";
import { patientRecordingChoice } from "@/lib/video/patient-recording";
import { readJsonInput, visitRecordingSchema } from "@/lib/video/schemas";

// The patient stops recording from the visit page (this visit, or consent withdrawn for all): the room is off before
// the answer; a withdrawal also stops every other room of theirs after the response, and through its outbox event.
export const POST = handleErrors(
  async (request: Request, { params }: RouteContext<"/api/visits/[appointmentId]/recording">) => {
    const auth = await authorize("patient");
    if (!auth.ok) return Response.json({ error: auth.message }, { status: auth.status });
    const { appointmentId } = await params;
    if (!isRecordId(appointmentId)) return Response.json({ error: "Not found." }, { status: 404 });
    const input = await readJsonInput(request, visitRecordingSchema);
    if (input instanceof Response) return input;
    const result = await patientRecordingChoice(db(), auth.user.id, appointmentId, input.action);
    if (!result.ok) return Response.json({ error: result.message }, { status: result.status });
    if (result.withdrew) {
      afterResponse("recording enforcement", () => enforceRecordingConsent(db(), auth.user.id));
      relayAfterResponse();
    }
    return Response.json(result, { headers: { "cache-control": "no-store" } });
  },
);

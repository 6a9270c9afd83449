import { db } from "@/db/client";
import { authorize } from "@/lib/auth/session";
import { startVideoSession } from "@/lib/video/sessions";
import { handleErrors, refusalResponse } from "@/lib/http";
import { isRecordId } from "@/lib/validation";
import { readJsonInput, startRoomSchema } from "@/lib/video/schemas";

// The clinician starts (or rejoins) the session; recording is decided here from stored consent, never by the browser.
export const POST = handleErrors(
  async (request: Request, { params }: RouteContext<"/api/sessions/[appointmentId]/room">) => {
    const auth = await authorize("clinician");
    if (!auth.ok) return Response.json({ error: auth.message }, { status: auth.status });
    const { appointmentId } = await params;
    if (!isRecordId(appointmentId)) return Response.json({ error: "Not found." }, { status: 404 });
    const input = await readJsonInput(request, startRoomSchema);
    if (input instanceof Response) return input;
    const result = await startVideoSession(db(), auth.user.id, appointmentId, {
      recording: input.recordingConsent,
      transcription: input.transcriptionConsent,
    });
    if (!result.ok) return refusalResponse(result);
    return Response.json(result, { headers: { "cache-control": "no-store" } });
  },
);

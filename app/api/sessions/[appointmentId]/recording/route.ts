import { db } from "@/db/client";
import { authorize } from "@/lib/auth/session";
import { handleErrors } from "@/lib/http";
import { isRecordId } from "@/lib/validation";
import { resumeRecording, resumeTranscription } from "@/lib/video/recording-rules";
import { readJsonInput, sessionRecordingSchema } from "@/lib/video/schemas";
import { ownTelehealthAppointment } from "@/lib/video/sessions";

// The clinician resumes recording or transcription; the server refuses unless every present participant consented now.
export const POST = handleErrors(
  async (request: Request, { params }: RouteContext<"/api/sessions/[appointmentId]/recording">) => {
    const auth = await authorize("clinician");
    if (!auth.ok) return Response.json({ error: auth.message }, { status: auth.status });
    const { appointmentId } = await params;
    if (!isRecordId(appointmentId)) return Response.json({ error: "Not found." }, { status: 404 });
    const input = await readJsonInput(request, sessionRecordingSchema);
    if (input instanceof Response) return input;
    if (!(await ownTelehealthAppointment(db(), auth.user.id, appointmentId)))
      return Response.json({ error: "Not found." }, { status: 404 });
    const result =
      input.action === "resume-transcription"
        ? await resumeTranscription(db(), appointmentId)
        : await resumeRecording(db(), appointmentId);
    if (!result.ok) return Response.json({ error: result.message }, { status: result.status });
    return Response.json(result, { headers: { "cache-control": "no-store" } });
  },
);

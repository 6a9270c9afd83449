import { db } from "@/db/client";
import { authorize } from "@/lib/auth/session";
import { startVideoSession } from "@/lib/video/sessions";

// The clinician starts (or rejoins) the session; recording is decided here from stored consent, never by the browser.
export async function POST(_request: Request, { params }: RouteContext<"/api/sessions/[appointmentId]/room">) {
  const auth = await authorize("clinician");
  if (!auth.ok) return Response.json({ error: auth.message }, { status: auth.status });
  const { appointmentId } = await params;
  const result = await startVideoSession(db(), auth.user.id, appointmentId);
  if (!result.ok) return Response.json({ error: result.message }, { status: result.status });
  return Response.json(result, { headers: { "cache-control": "no-store" } });
}

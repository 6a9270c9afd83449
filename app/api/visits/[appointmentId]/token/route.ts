import { db } from "@/db/client";
import { authorize } from "@/lib/auth/session";
import { joinVisit } from "@/lib/video/visits";

// The patient's join token: only for their own visit, only in its time window, never creating a room.
export async function POST(_request: Request, { params }: RouteContext<"/api/visits/[appointmentId]/token">) {
  const auth = await authorize("patient");
  if (!auth.ok) return Response.json({ error: auth.message }, { status: auth.status });
  const { appointmentId } = await params;
  const result = await joinVisit(db(), auth.user.id, appointmentId);
  if (!result.ok) return Response.json({ error: result.message }, { status: result.status });
  return Response.json(result, { headers: { "cache-control": "no-store" } });
}

import { and, eq, or } from "drizzle-orm";
import { db } from "@/db/client";
import { appointments } from "@/db/schema";
import { authorize } from "@/lib/auth/session";
import { sessionStateView } from "@/lib/video/visits";
import { handleErrors } from "@/lib/http";
import { isRecordId } from "@/lib/validation";

// Polled by both sides of a visit: the recording state the room is held to, whether consent stands now, and the
// visit's phase (the patient's waiting room follows it: join when started, say when cancelled or ended).
export const GET = handleErrors(
  async (_request: Request, { params }: RouteContext<"/api/sessions/[appointmentId]/state">) => {
    const auth = await authorize("clinician", "patient");
    if (!auth.ok) return Response.json({ error: auth.message }, { status: auth.status });
    const { appointmentId } = await params;
    if (!isRecordId(appointmentId)) return Response.json({ error: "Not found." }, { status: 404 });
    const [appointment] = await db()
      .select({
        id: appointments.id,
        patientId: appointments.patientId,
        status: appointments.status,
        startsAt: appointments.startsAt,
        durationMinutes: appointments.durationMinutes,
      })
      .from(appointments)
      .where(
        and(
          eq(appointments.id, appointmentId),
          or(eq(appointments.clinicianId, auth.user.id), eq(appointments.patientId, auth.user.id)),
        ),
      );
    if (!appointment) return Response.json({ error: "Not found." }, { status: 404 });
    return Response.json(await sessionStateView(db(), appointment), { headers: { "cache-control": "no-store" } });
  },
);

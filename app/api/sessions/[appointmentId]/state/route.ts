import { and, eq, or } from "drizzle-orm";
import { db } from "@/db/client";
import { appointments } from "@/db/schema";
import { authorize } from "@/lib/auth/session";
import { decideRecording } from "@/lib/video/consent";
import { currentRecordingState } from "@/lib/video/sessions";
import { handleErrors } from "@/lib/http";
import { isRecordId } from "@/lib/validation";

// Polled by both sides of a visit: the recording state the room is held to, and whether consent stands now.
export const GET = handleErrors(
  async (_request: Request, { params }: RouteContext<"/api/sessions/[appointmentId]/state">) => {
    const auth = await authorize("clinician", "patient");
    if (!auth.ok) return Response.json({ error: auth.message }, { status: auth.status });
    const { appointmentId } = await params;
    if (!isRecordId(appointmentId)) return Response.json({ error: "Not found." }, { status: 404 });
    const [appointment] = await db()
      .select({ patientId: appointments.patientId })
      .from(appointments)
      .where(
        and(
          eq(appointments.id, appointmentId),
          or(eq(appointments.clinicianId, auth.user.id), eq(appointments.patientId, auth.user.id)),
        ),
      );
    if (!appointment) return Response.json({ error: "Not found." }, { status: 404 });
    const [session, consent] = await Promise.all([
      currentRecordingState(db(), appointmentId),
      decideRecording(db(), appointment.patientId),
    ]);
    return Response.json(
      {
        started: Boolean(session),
        recording: Boolean(session?.recording && consent.recording),
        // Consent is gone but the room has not been switched off yet (enforcement in flight): say so, never "off".
        stopping: Boolean(session?.recording && !consent.recording),
        consent: consent.recording,
        reason: session?.reason ?? consent.reason,
      },
      { headers: { "cache-control": "no-store" } },
    );
  },
);

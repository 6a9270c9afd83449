import { eq } from "drizzle-orm";
import { cookies } from "next/headers";
import { db } from "@/db/client";
import { appointments } from "@/db/schema";
import { handleErrors } from "@/lib/http";
import { isRecordId } from "@/lib/validation";
import { GUEST_COOKIE, guestOf } from "@/lib/video/guests";
import { sessionStateView } from "@/lib/video/visits";

// A guest polls the visit's recording state (with who keeps it off); nothing of the patient's record.
export const GET = handleErrors(
  async (_request: Request, { params }: RouteContext<"/api/guest/[appointmentId]/state">) => {
    const { appointmentId } = await params;
    if (!isRecordId(appointmentId)) return Response.json({ error: "Not found." }, { status: 404 });
    const guest = await guestOf(db(), appointmentId, (await cookies()).get(GUEST_COOKIE)?.value);
    if (!guest) return Response.json({ error: "This link is not valid for this visit." }, { status: 403 });
    const [visit] = await db()
      .select({
        id: appointments.id,
        patientId: appointments.patientId,
        status: appointments.status,
        startsAt: appointments.startsAt,
        durationMinutes: appointments.durationMinutes,
      })
      .from(appointments)
      .where(eq(appointments.id, appointmentId));
    const view = await sessionStateView(db(), visit!, undefined, "guest");
    return Response.json(
      {
        started: view.started,
        recording: view.recording,
        offReason: view.offReason,
        phase: view.phase,
        consent: true,
        transcribing: view.transcribing,
        transcriptionOffReason: view.transcriptionOffReason,
      },
      { headers: { "cache-control": "no-store" } },
    );
  },
);

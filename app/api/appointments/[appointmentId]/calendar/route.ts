import { db } from "@/db/client";
import { addressOf, appointmentCalendar, calendarFileName } from "@/lib/appointments/calendar";
import { getAppointmentForCalendar } from "@/lib/appointments/queries";
import { authorize } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { handleErrors } from "@/lib/http";
import { isRecordId } from "@/lib/validation";

// Add to calendar: the patient's own appointment only; anyone else's, or no such id, is the same 404.
export const GET = handleErrors(
  async (_request: Request, { params }: RouteContext<"/api/appointments/[appointmentId]/calendar">) => {
    const auth = await authorize("patient");
    if (!auth.ok) return Response.json({ error: auth.message }, { status: auth.status });
    const { appointmentId } = await params;
    if (!isRecordId(appointmentId)) return Response.json({ error: "Not found." }, { status: 404 });
    const appointment = await getAppointmentForCalendar(db(), auth.user.id, appointmentId);
    if (!appointment) return Response.json({ error: "Not found." }, { status: 404 });
    const { appUrl, emailFrom } = env();
    // The same file the confirmation email carried (and the cancellation, once cancelled).
    const parties = { appUrl, organizerEmail: addressOf(emailFrom), attendeeEmail: appointment.email };
    return new Response(appointmentCalendar(appointment, parties), {
      headers: {
        "content-type": "text/calendar; charset=utf-8",
        "content-disposition": `attachment; filename="${calendarFileName(appointment)}"`,
        "cache-control": "private, no-store",
      },
    });
  },
);

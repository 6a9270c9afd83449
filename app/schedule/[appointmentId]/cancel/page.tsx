import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/db/client";
import { CancelAppointmentForm } from "@/components/appointments/cancel-appointment-form";
import { withStaffAccess } from "@/lib/access/record";
import { getAppointmentForStaff } from "@/lib/appointments/queries";
import { requirePageRole } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { isRecordId } from "@/lib/validation";
import { viewerLocale } from "@/lib/viewer-locale";

export const metadata: Metadata = { title: "Cancel appointment" };

// The confirmation step before a cancellation: a page of its own, so it works without JavaScript.
export default async function CancelAppointmentPage({ params }: PageProps<"/schedule/[appointmentId]/cancel">) {
  const user = await requirePageRole("clinician", "admin");
  const { appointmentId } = await params;
  if (!isRecordId(appointmentId)) notFound();
  const appointment = await withStaffAccess(user, () => getAppointmentForStaff(db(), user, appointmentId));
  // Another clinician's appointment looks exactly like a missing one.
  if (!appointment) notFound();
  const back = user.role === "admin" ? `/admin/schedule?clinician=${appointment.clinicianId}` : "/schedule";
  const when = formatDateTime(appointment.startsAt, appointment.timeZone, await viewerLocale());
  const who = `${appointment.patientFirstName} ${appointment.patientLastName}`;
  return (
    <section className="max-w-xl space-y-4">
      <p>
        <Link href={back} className="text-sm text-brand-700 underline">
          Back to the schedule
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">Cancel this appointment?</h1>
      <p>
        {who}, {appointment.modality === "telehealth" ? "video visit" : "in person"}, {when} (
        {appointment.durationMinutes} min) with {appointment.clinicianName}.
      </p>
      <CancelAppointmentForm
        appointmentId={appointment.id}
        backHref={back}
        closedAs={appointment.status === "scheduled" ? undefined : appointment.status}
      />
    </section>
  );
}

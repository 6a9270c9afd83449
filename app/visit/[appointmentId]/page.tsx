import type { Metadata } from "next";
import { and, eq } from "drizzle-orm";
import { notFound } from "next/navigation";
import { db } from "@/db/client";
import { appointments, clinicians } from "@/db/schema";
import { VisitRoom } from "@/components/video/visit-room";
import { timeZoneOfPatient } from "@/lib/appointments/queries";
import { requirePageRole } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { roomNameFor } from "@/lib/video/twilio-video";
import { isRecordId } from "@/lib/validation";

export const metadata: Metadata = { title: "Your video visit" };

export default async function VisitPage({ params }: PageProps<"/visit/[appointmentId]">) {
  const user = await requirePageRole("patient");
  const { appointmentId } = await params;
  if (!isRecordId(appointmentId)) notFound();
  const [visit] = await db()
    .select({ startsAt: appointments.startsAt, clinicianName: clinicians.displayName })
    .from(appointments)
    .innerJoin(clinicians, eq(clinicians.userId, appointments.clinicianId))
    .where(
      and(
        eq(appointments.id, appointmentId),
        eq(appointments.patientId, user.id),
        eq(appointments.modality, "telehealth"),
      ),
    );
  if (!visit) notFound();
  const timeZone = await timeZoneOfPatient(db(), user.id);
  return (
    <section className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Video visit with {visit.clinicianName}</h1>
        <p className="text-slate-600">
          {formatDateTime(visit.startsAt, timeZone)}. You can join from 15 minutes before.
        </p>
      </div>
      <VisitRoom appointmentId={appointmentId} roomName={roomNameFor(appointmentId)} />
    </section>
  );
}

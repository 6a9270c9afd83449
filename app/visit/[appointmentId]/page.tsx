import type { Metadata } from "next";
import { and, eq } from "drizzle-orm";
import { notFound } from "next/navigation";
import { db } from "@/db/client";
import { appointments, clinicians } from "@/db/schema";
import { VisitRoom } from "@/components/video/visit-room";
import { joinWindow } from "@/lib/appointments/join-window";
import { timeZoneOfPatient } from "@/lib/appointments/queries";
import { requirePageRoleAt } from "@/lib/auth/session";
import { formatDateTime, formatTime } from "@/lib/format";
import { decideRecording, decideTranscriptionConsent } from "@/lib/video/consent";
import { roomNameFor } from "@/lib/video/twilio-video";
import { sessionStateView } from "@/lib/video/visits";
import { isRecordId } from "@/lib/validation";

export const metadata: Metadata = { title: "Your video visit" };

export default async function VisitPage({ params }: PageProps<"/visit/[appointmentId]">) {
  const { appointmentId } = await params;
  // The 15-minute reminder links here: signing in comes back to this visit.
  const user = await requirePageRoleAt(`/visit/${appointmentId}`, "patient");
  if (!isRecordId(appointmentId)) notFound();
  const [visit] = await db()
    .select({
      id: appointments.id,
      patientId: appointments.patientId,
      status: appointments.status,
      startsAt: appointments.startsAt,
      durationMinutes: appointments.durationMinutes,
      clinicianName: clinicians.displayName,
    })
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
  const [timeZone, initial, consent, transcription] = await Promise.all([
    timeZoneOfPatient(db(), user.id),
    sessionStateView(db(), visit),
    decideRecording(db(), user.id),
    decideTranscriptionConsent(db(), user.id),
  ]);
  const startsAt = formatDateTime(visit.startsAt, timeZone);
  return (
    <section className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Video visit with {visit.clinicianName}</h1>
        <p className="text-slate-600">
          <time dateTime={visit.startsAt.toISOString()}>{startsAt}</time> · {visit.durationMinutes} min
        </p>
      </div>
      <VisitRoom
        appointmentId={appointmentId}
        roomName={roomNameFor(appointmentId)}
        clinicianName={visit.clinicianName}
        startsAt={startsAt}
        opensAt={formatTime(joinWindow(visit).opensAt, timeZone)}
        consentGivenOn={
          consent.recording && consent.consentChangedAt ? formatDateTime(consent.consentChangedAt, timeZone) : null
        }
        transcriptionGivenOn={
          transcription.transcription && transcription.consentChangedAt
            ? formatDateTime(transcription.consentChangedAt, timeZone)
            : null
        }
        initial={initial}
      />
    </section>
  );
}

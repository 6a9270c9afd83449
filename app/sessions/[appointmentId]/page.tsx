import type { Metadata } from "next";
import { eq } from "drizzle-orm";
import { notFound } from "next/navigation";
import { db } from "@/db/client";
import { appointments, patientProfiles } from "@/db/schema";
import { VideoRoom } from "@/components/video/video-room";
import { timeZoneOfClinician } from "@/lib/appointments/queries";
import { requirePageRole } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { decideRecording } from "@/lib/video/consent";
import { ownTelehealthAppointment } from "@/lib/video/sessions";
import { videoConfig } from "@/lib/video/twilio-video";

export const metadata: Metadata = { title: "Video session" };

export default async function SessionPage({ params }: PageProps<"/sessions/[appointmentId]">) {
  const user = await requirePageRole("clinician");
  const { appointmentId } = await params;
  // Another clinician's appointment is a plain 404: it learns nothing about it.
  const appointment = /^[0-9a-f-]{36}$/.test(appointmentId) ? await ownTelehealthAppointment(db(), user.id, appointmentId) : null;
  if (!appointment) notFound();
  const [[details], decision, timeZone] = await Promise.all([
    db()
      .select({ startsAt: appointments.startsAt, lastName: patientProfiles.lastName })
      .from(appointments)
      .innerJoin(patientProfiles, eq(patientProfiles.userId, appointments.patientId))
      .where(eq(appointments.id, appointmentId)),
    decideRecording(db(), appointment.patientId),
    timeZoneOfClinician(db(), user.id),
  ]);
  return (
    <section className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">
          Video visit with {decision.firstName} {details?.lastName}
        </h1>
        <p className="text-slate-600">{details ? formatDateTime(details.startsAt, timeZone) : null}</p>
      </div>
      <VideoRoom
        appointmentId={appointmentId}
        firstName={decision.firstName}
        recordingIfStarted={decision.recording}
        consentGivenOn={decision.recording && decision.consentChangedAt ? formatDateTime(decision.consentChangedAt, timeZone) : null}
        videoConfigured={videoConfig() !== null}
      />
    </section>
  );
}

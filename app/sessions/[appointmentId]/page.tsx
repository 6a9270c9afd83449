import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/db/client";
import { GuestInviteForm } from "@/components/video/guest-invite-form";
import { VideoRoom } from "@/components/video/video-room";
import { timeZoneOfClinician } from "@/lib/appointments/queries";
import { requirePageRole } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { formatDateTime, formatTime } from "@/lib/format";
import { decideRecording } from "@/lib/video/consent";
import { videoProvider } from "@/lib/video/provider";
import { getSessionAppointment } from "@/lib/video/queries";
import { currentRecordingState } from "@/lib/video/sessions";
import { startWindow, startWindowState } from "@/lib/video/start-window";
import { isRecordId } from "@/lib/validation";

export const metadata: Metadata = { title: "Video session" };

export default async function SessionPage({ params }: PageProps<"/sessions/[appointmentId]">) {
  const user = await requirePageRole("clinician");
  const { appointmentId } = await params;
  // Another clinician's appointment is a plain 404: it learns nothing about it.
  const appointment = isRecordId(appointmentId) ? await getSessionAppointment(db(), user.id, appointmentId) : null;
  if (!appointment) notFound();
  const [decision, timeZone, session] = await Promise.all([
    decideRecording(db(), appointment.patientId),
    timeZoneOfClinician(db(), user.id),
    currentRecordingState(db(), appointmentId),
  ]);
  // The start window, as startVideoSession enforces it: early shows when it opens, over offers the progress note.
  const minutesBefore = env().video.startMinutesBefore;
  const startState = startWindowState(appointment, minutesBefore);
  const { opensAt } = startWindow(appointment, minutesBefore);
  return (
    <section className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">
          Video visit with {decision.firstName} {appointment.patientLastName}
        </h1>
        <p className="text-slate-600">{formatDateTime(appointment.startsAt, timeZone)}</p>
      </div>
      <VideoRoom
        appointmentId={appointmentId}
        firstName={decision.firstName}
        recordingIfStarted={decision.recording}
        consentGivenOn={
          decision.recording && decision.consentChangedAt ? formatDateTime(decision.consentChangedAt, timeZone) : null
        }
        videoConfigured={videoProvider(db()).mode === "twilio"}
        startsFrom={startState === "early" ? { label: formatTime(opensAt, timeZone), at: opensAt.toISOString() } : null}
        ended={startState === "ended" || session?.status === "ended"}
      />
      <GuestInviteForm appointmentId={appointmentId} />
    </section>
  );
}

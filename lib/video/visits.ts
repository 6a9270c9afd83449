import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments } from "@/db/schema";
import { decideRecording } from "./consent";
import { recordingOffReason, transcriptionOffReason } from "./consent-policy";
import { decideRoomNow, participantsOf } from "./participants";
import { joinAndHoldRoom } from "./recording-rules";
import { currentRecordingState } from "./sessions";
import { videoProvider } from "./provider";
import { roomNameFor } from "./twilio-video";
import { liveSessionStatuses, type RecordingReason, type VisitPhase } from "./types";
import { visitPhase } from "./visit-phase";

export type VisitJoin =
  | { ok: false; status: 404 | 409 | 425; message: string }
  | { ok: true; mode: "twilio" | "local-preview"; token: string | null; recording: boolean };

/** What every side of a visit polls: the recording state the room is held to, consent now, and the visit's phase. */
export type SessionStateView = {
  started: boolean;
  recording: boolean;
  stopping: boolean;
  /** the patient's stored recording consent */
  consent: boolean;
  reason: RecordingReason;
  phase: VisitPhase;
  /** "Recording is off: the interpreter has not consented", or null while nobody keeps it off */
  offReason: string | null;
  /** the patient said "Not this time" for this visit */
  declinedForVisit: boolean;
  /** the latest room was ended (the clinician's End for everyone, or the provider): everyone in it is out */
  roomEnded: boolean;
  /** the room transcribes now (held to its own consent, by the same rules) */
  transcribing: boolean;
  /** the patient's stored transcription consent */
  transcriptionConsent: boolean;
  /** "Transcription is off: the clinician has not consented", or null while nobody keeps it off */
  transcriptionOffReason: string | null;
  /** the patient stopped transcription for this visit */
  transcriptionDeclinedForVisit: boolean;
};

type VisitAppointment = {
  id: string;
  patientId: string;
  status: "scheduled" | "cancelled" | "completed";
  startsAt: Date;
  durationMinutes: number;
};

/**
 * `audience` "guest": a guest learns nothing of the patient's record, not even a first name; reasons name them "the
 * patient".
 */
export async function sessionStateView(
  db: Db,
  appointment: VisitAppointment,
  now = new Date(),
  audience: "party" | "guest" = "party",
) {
  const [session, consent, room, participants] = await Promise.all([
    currentRecordingState(db, appointment.id),
    decideRecording(db, appointment.patientId),
    decideRoomNow(db, appointment.id),
    participantsOf(db, appointment.id),
  ]);
  // An ended room records nothing, whatever its last rules were.
  const live = (liveSessionStatuses as readonly string[]).includes(session?.status ?? "");
  const patient = participants.find((p) => p.role === "patient");
  const named = (blockers: typeof room.blockers) =>
    audience === "guest"
      ? blockers.map((b) => (b.role === "patient" ? { ...b, displayName: "the patient" } : b))
      : blockers;
  return {
    started: Boolean(session),
    recording: Boolean(live && session?.recording && room.recording),
    // Consent is gone but the room has not been switched off yet (enforcement in flight): say so, never "off".
    stopping: Boolean(live && session?.recording && !room.recording),
    consent: consent.recording,
    reason: session?.reason ?? consent.reason,
    phase: visitPhase(appointment, session, now),
    offReason: recordingOffReason(named(room.blockers)),
    declinedForVisit: patient?.recordingConsent === false,
    roomEnded: session?.status === "ended",
    // Shown off the moment consent is gone, even before the room is switched: a transcript is not a recording to delete.
    transcribing: Boolean(live && session?.transcribing && room.transcription.transcribing),
    transcriptionConsent: room.transcription.patientStoredConsent,
    transcriptionOffReason: transcriptionOffReason(named(room.transcription.blockers)),
    transcriptionDeclinedForVisit: patient?.transcriptionConsent === false,
  } satisfies SessionStateView;
}

/** What a guest sees of the visit: whether it records, who keeps it off, and its phase; nothing of the patient's record. */
export async function guestStateView(db: Db, appointmentId: string) {
  const [visit] = await db
    .select({
      id: appointments.id,
      patientId: appointments.patientId,
      status: appointments.status,
      startsAt: appointments.startsAt,
      durationMinutes: appointments.durationMinutes,
    })
    .from(appointments)
    .where(eq(appointments.id, appointmentId));
  const { started, recording, offReason, phase, roomEnded, transcribing, transcriptionOffReason } =
    await sessionStateView(db, visit!, undefined, "guest");
  return { started, recording, offReason, phase, roomEnded, consent: true, transcribing, transcriptionOffReason };
}

const joinRefusals: Record<Exclude<VisitPhase, "open" | "cancelled">, { status: 409 | 425; message: string }> = {
  early: { status: 425, message: "You can join from 15 minutes before your visit." },
  ended: { status: 409, message: "This visit has ended." },
  waiting: { status: 409, message: "Your clinician has not started the visit yet. Please wait on this page." },
};

/** The patient joins the room their clinician opened; this path can never create a room or change recording. */
export async function joinVisit(
  db: Db,
  patientId: string,
  appointmentId: string,
  recordThisVisit?: boolean,
  now = new Date(),
  transcribeThisVisit?: boolean,
): Promise<VisitJoin> {
  const [appointment] = await db
    .select({
      startsAt: appointments.startsAt,
      durationMinutes: appointments.durationMinutes,
      status: appointments.status,
    })
    .from(appointments)
    .where(
      and(
        eq(appointments.id, appointmentId),
        eq(appointments.patientId, patientId),
        eq(appointments.modality, "telehealth"),
      ),
    );
  if (!appointment || appointment.status !== "scheduled") return { ok: false, status: 404, message: "Not found." };
  const session = await currentRecordingState(db, appointmentId);
  const phase = visitPhase(appointment, session, now);
  // A cancelled appointment was answered 404 above; every other phase but "open" is a refusal saying why.
  if (phase !== "open") return { ok: false, ...joinRefusals[phase === "cancelled" ? "ended" : phase] };
  if (!session) return { ok: false, ...joinRefusals.waiting };
  // Present from now on, with this visit's answer: a "Not this time" stops a recording room before the token is out.
  const { firstName } = await decideRecording(db, patientId);
  await joinAndHoldRoom(db, {
    appointmentId,
    role: "patient",
    identity: `patient-${patientId}`,
    userId: patientId,
    displayName: firstName,
    recordingConsent: recordThisVisit,
    transcriptionConsent: transcribeThisVisit,
  });
  const recording = (await currentRecordingState(db, appointmentId))?.recording ?? false;
  const provider = videoProvider(db);
  const live = provider.mode === "twilio" && session.status === "in-progress";
  return {
    ok: true,
    mode: live ? "twilio" : "local-preview",
    token: live ? provider.token(`patient-${patientId}`, roomNameFor(appointmentId)) : null,
    recording,
  };
}

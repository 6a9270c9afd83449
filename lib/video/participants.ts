import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, patientProfiles, videoParticipants } from "@/db/schema";
import { env } from "@/lib/env";
import { decideRecording, decideTranscriptionConsent, type RecordingDecision } from "./consent";
import { decideRoom, type ConsentQuestion, type ParticipantConsent, type RoomDecision } from "./consent-policy";
import type { ParticipantRole } from "./types";

export type Joining = {
  appointmentId: string;
  role: ParticipantRole;
  identity: string;
  userId?: string | null;
  displayName: string;
  region?: string | null;
  /** this visit's answer to the recording question; undefined keeps an earlier answer */
  recordingConsent?: boolean;
  /** this visit's answer to the transcription question; undefined keeps an earlier answer */
  transcriptionConsent?: boolean;
};

/** Marks the participant present (creating them on a first join), with their answers if they gave them now. */
export async function joinParticipant(db: Db, joining: Joining): Promise<string> {
  const answered = {
    ...(joining.recordingConsent === undefined ? {} : { recordingConsent: joining.recordingConsent }),
    ...(joining.transcriptionConsent === undefined ? {} : { transcriptionConsent: joining.transcriptionConsent }),
    ...(joining.recordingConsent === undefined && joining.transcriptionConsent === undefined
      ? {}
      : { answeredAt: new Date() }),
  };
  const [row] = await db
    .insert(videoParticipants)
    .values({ ...joining, userId: joining.userId ?? null, present: true, joinedAt: new Date(), ...answered })
    .onConflictDoUpdate({
      target: [videoParticipants.appointmentId, videoParticipants.identity],
      set: { present: true, joinedAt: new Date(), leftAt: null, updatedAt: new Date(), ...answered },
    })
    .returning({ id: videoParticipants.id });
  return row!.id;
}

/** This visit's answer to one question, without joining or leaving (one not yet in the room is kept absent). */
export async function answerForVisit(
  db: Db,
  who: Omit<Joining, "recordingConsent" | "transcriptionConsent">,
  consents: boolean,
  question: ConsentQuestion = "recording",
) {
  const answer = question === "recording" ? { recordingConsent: consents } : { transcriptionConsent: consents };
  const [row] = await db
    .insert(videoParticipants)
    .values({ ...who, userId: who.userId ?? null, ...answer, answeredAt: new Date() })
    .onConflictDoUpdate({
      target: [videoParticipants.appointmentId, videoParticipants.identity],
      set: { ...answer, answeredAt: new Date(), updatedAt: new Date() },
    })
    .returning({ id: videoParticipants.id });
  return row!.id;
}

export async function leaveParticipant(db: Db, appointmentId: string, identity: string) {
  const [row] = await db
    .update(videoParticipants)
    .set({ present: false, leftAt: new Date(), updatedAt: new Date() })
    .where(
      and(
        eq(videoParticipants.appointmentId, appointmentId),
        eq(videoParticipants.identity, identity),
        eq(videoParticipants.present, true),
      ),
    )
    .returning({ id: videoParticipants.id });
  return row?.id ?? null;
}

/** Everyone in the visit with their answers; the patient's region from their profile, the clinician's the clinic's. */
export async function participantsOf(db: Db, appointmentId: string): Promise<ParticipantConsent[]> {
  const rows = await db
    .select({
      id: videoParticipants.id,
      role: videoParticipants.role,
      displayName: videoParticipants.displayName,
      present: videoParticipants.present,
      recordingConsent: videoParticipants.recordingConsent,
      transcriptionConsent: videoParticipants.transcriptionConsent,
      region: sql<string | null>`coalesce(${videoParticipants.region}, ${patientProfiles.region})`,
    })
    .from(videoParticipants)
    .leftJoin(patientProfiles, eq(patientProfiles.userId, videoParticipants.userId))
    .where(eq(videoParticipants.appointmentId, appointmentId))
    .orderBy(videoParticipants.createdAt);
  const clinicRegion = env().video.clinicRegion ?? null;
  return rows.map((row) => (row.role === "clinician" ? { ...row, region: clinicRegion } : row));
}

/** Whether the room may transcribe now, and who keeps it from transcribing. */
export type TranscriptionDecision = Omit<RoomDecision, "recording"> & { transcribing: boolean };

/**
 * May the visit's room record now: the patient's stored consent and every present participant's answer, read now;
 * and, by the same rules with its own consent and answers, may it transcribe.
 */
export async function decideRoomNow(
  db: Db,
  appointmentId: string,
): Promise<
  RoomDecision & { firstName: string; patientReason: RecordingDecision["reason"]; transcription: TranscriptionDecision }
> {
  const [appointment] = await db
    .select({ patientId: appointments.patientId })
    .from(appointments)
    .where(eq(appointments.id, appointmentId));
  const [stored, storedTranscription, participants] = await Promise.all([
    decideRecording(db, appointment!.patientId),
    decideTranscriptionConsent(db, appointment!.patientId),
    participantsOf(db, appointmentId),
  ]);
  const patient = participants.find((p) => p.role === "patient");
  const decide = (question: ConsentQuestion, patientStoredConsent: boolean) => {
    const decision = decideRoom({ patientStoredConsent, participants, policy: env().video.consentPolicy, question });
    // Name the patient by first name when they block before joining.
    const blockers = decision.blockers.map((b) =>
      b.role === "patient" ? { ...b, displayName: patient?.displayName ?? stored.firstName } : b,
    );
    return { ...decision, blockers };
  };
  const { recording: transcribing, ...transcription } = decide("transcription", storedTranscription.transcription);
  return {
    ...decide("recording", stored.recording),
    firstName: stored.firstName,
    patientReason: stored.reason,
    transcription: { ...transcription, transcribing },
  };
}

import "server-only";
import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import {
  appointments,
  clinicians,
  patientProfiles,
  preferenceLedger,
  users,
  videoParticipants,
  videoRecordings,
  videoRuleChanges,
  videoSessionEvents,
  videoSessions,
} from "@/db/schema";
import { rowPatients, staffRead } from "@/lib/access/record";
import { matchesText, pageOf, pageWindow, totalMatching, withinDates, type ListParams } from "@/lib/admin/list";

const patientUser = alias(users, "patient_user");

/** Each participant's answer, for the CSV: "clinician Dr Okafor: yes; companion Gil: not answered". */
const participantAnswers = sql<string | null>`(
  select string_agg(${videoParticipants.role} || ' ' || ${videoParticipants.displayName} || ': ' ||
    case ${videoParticipants.recordingConsent} when true then 'yes' when false then 'no' else 'not answered' end,
    '; ' order by ${videoParticipants.createdAt})
  from ${videoParticipants} where ${videoParticipants.appointmentId} = ${videoSessions.appointmentId})`;

export type VideoSessionFilters = ListParams & { recording?: "on" | "off" };

/** Every room with its recording decision, the ledger entry it rested on, and what the server did to keep it within consent. */
export const listVideoSessions = staffRead(
  "video_sessions",
  (page) => rowPatients(page.rows),
  async function listVideoSessions(db: Db, filters: VideoSessionFilters) {
    const events = db
      .select({ roomSid: videoSessionEvents.roomSid, n: count().as("n") })
      .from(videoSessionEvents)
      .groupBy(videoSessionEvents.roomSid)
      .as("events");
    const rows = await db
      .select({
        id: videoSessions.id,
        patientId: appointments.patientId,
        createdAt: videoSessions.createdAt,
        roomName: videoSessions.roomName,
        roomSid: videoSessions.roomSid,
        status: videoSessions.status,
        recording: videoSessions.recording,
        recordingReason: videoSessions.recordingReason,
        guardAction: videoSessions.guardAction,
        appointmentStartsAt: appointments.startsAt,
        patientFirstName: patientProfiles.firstName,
        patientLastName: patientProfiles.lastName,
        clinicianName: clinicians.displayName,
        consentLedgerId: videoSessions.consentLedgerId,
        consentValue: preferenceLedger.newValue,
        consentVersion: preferenceLedger.consentVersion,
        consentChangedAt: preferenceLedger.createdAt,
        roomEvents: events.n,
        participants: participantAnswers,
        total: totalMatching(),
      })
      .from(videoSessions)
      .innerJoin(appointments, eq(appointments.id, videoSessions.appointmentId))
      .innerJoin(patientProfiles, eq(patientProfiles.userId, appointments.patientId))
      .innerJoin(patientUser, eq(patientUser.id, appointments.patientId))
      .innerJoin(clinicians, eq(clinicians.userId, appointments.clinicianId))
      .leftJoin(preferenceLedger, eq(preferenceLedger.id, videoSessions.consentLedgerId))
      .leftJoin(events, eq(events.roomSid, videoSessions.roomSid))
      .where(
        and(
          matchesText(
            filters.patient,
            [patientUser.name, patientUser.email],
            [patientProfiles.firstName, patientProfiles.lastName],
          ),
          ...withinDates(videoSessions.createdAt, filters),
          filters.recording ? eq(videoSessions.recording, filters.recording === "on") : undefined,
        ),
      )
      .orderBy(desc(videoSessions.createdAt), desc(videoSessions.id))
      .limit(pageWindow(filters).limit)
      .offset(pageWindow(filters).offset);
    return pageOf(rows, filters);
  },
);
export type VideoSessionRow = Awaited<ReturnType<typeof listVideoSessions>>["rows"][number];

/** One session, its visit's participants (each one's answer and times), every rule change, and its room's recordings. */
async function videoSessionDetail(db: Db, sessionId: string) {
  const [session] = await db
    .select({
      id: videoSessions.id,
      appointmentId: videoSessions.appointmentId,
      patientId: appointments.patientId,
      createdAt: videoSessions.createdAt,
      endedAt: videoSessions.endedAt,
      roomSid: videoSessions.roomSid,
      status: videoSessions.status,
      recording: videoSessions.recording,
      recordingReason: videoSessions.recordingReason,
      guardAction: videoSessions.guardAction,
      appointmentStartsAt: appointments.startsAt,
      patientFirstName: patientProfiles.firstName,
      patientLastName: patientProfiles.lastName,
      clinicianName: clinicians.displayName,
    })
    .from(videoSessions)
    .innerJoin(appointments, eq(appointments.id, videoSessions.appointmentId))
    .innerJoin(patientProfiles, eq(patientProfiles.userId, appointments.patientId))
    .innerJoin(clinicians, eq(clinicians.userId, appointments.clinicianId))
    .where(eq(videoSessions.id, sessionId));
  if (!session) return null;
  const [participants, ruleChanges, recordings] = await Promise.all([
    db
      .select({
        id: videoParticipants.id,
        role: videoParticipants.role,
        displayName: videoParticipants.displayName,
        recordingConsent: videoParticipants.recordingConsent,
        transcriptionConsent: videoParticipants.transcriptionConsent,
        answeredAt: videoParticipants.answeredAt,
        joinedAt: videoParticipants.joinedAt,
        leftAt: videoParticipants.leftAt,
        present: videoParticipants.present,
      })
      .from(videoParticipants)
      .where(eq(videoParticipants.appointmentId, session.appointmentId))
      .orderBy(asc(videoParticipants.createdAt)),
    db
      .select({
        id: videoRuleChanges.id,
        createdAt: videoRuleChanges.createdAt,
        roomSid: videoRuleChanges.roomSid,
        recording: videoRuleChanges.recording,
        transcription: videoRuleChanges.transcription,
        cause: videoRuleChanges.cause,
        participantRole: videoParticipants.role,
        participantName: videoParticipants.displayName,
      })
      .from(videoRuleChanges)
      .leftJoin(videoParticipants, eq(videoParticipants.id, videoRuleChanges.participantId))
      .where(eq(videoRuleChanges.appointmentId, session.appointmentId))
      .orderBy(asc(videoRuleChanges.id)),
    session.roomSid
      ? db
          .select({
            recordingSid: videoRecordings.recordingSid,
            status: videoRecordings.status,
            createdAt: videoRecordings.createdAt,
            deletedAt: videoRecordings.deletedAt,
            deletedReason: videoRecordings.deletedReason,
          })
          .from(videoRecordings)
          .where(eq(videoRecordings.roomSid, session.roomSid))
          .orderBy(asc(videoRecordings.createdAt))
      : [],
  ]);
  return { session, participants, ruleChanges, recordings };
}
export type VideoSessionDetail = NonNullable<Awaited<ReturnType<typeof videoSessionDetail>>>;

/** The admin's detail page of one session: a read of the patient's record, logged as the list is. */
export const getVideoSessionDetail = staffRead(
  "video_sessions",
  (detail: VideoSessionDetail | null) => (detail ? [detail.session.patientId] : []),
  videoSessionDetail,
);

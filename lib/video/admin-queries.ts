import "server-only";
import { count, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import {
  appointments,
  clinicians,
  patientProfiles,
  preferenceLedger,
  users,
  videoSessionEvents,
  videoSessions,
} from "@/db/schema";

const patientUser = alias(users, "patient_user");

/** Every room with its recording decision, the ledger entry it rested on, and what the server did to keep it within consent. */
export async function listVideoSessions(db: Db, filters: { patientEmail?: string }, limit = 100) {
  const events = db
    .select({ roomSid: videoSessionEvents.roomSid, n: count().as("n") })
    .from(videoSessionEvents)
    .groupBy(videoSessionEvents.roomSid)
    .as("events");
  return db
    .select({
      id: videoSessions.id,
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
    })
    .from(videoSessions)
    .innerJoin(appointments, eq(appointments.id, videoSessions.appointmentId))
    .innerJoin(patientProfiles, eq(patientProfiles.userId, appointments.patientId))
    .innerJoin(patientUser, eq(patientUser.id, appointments.patientId))
    .innerJoin(clinicians, eq(clinicians.userId, appointments.clinicianId))
    .leftJoin(preferenceLedger, eq(preferenceLedger.id, videoSessions.consentLedgerId))
    .leftJoin(events, eq(events.roomSid, videoSessions.roomSid))
    .where(filters.patientEmail ? eq(patientUser.email, filters.patientEmail.toLowerCase()) : undefined)
    .orderBy(desc(videoSessions.createdAt))
    .limit(limit);
}
export type VideoSessionRow = Awaited<ReturnType<typeof listVideoSessions>>[number];

import "server-only";
import { and, count, desc, eq } from "drizzle-orm";
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
import { rowPatients, staffRead } from "@/lib/access/record";
import { matchesText, pageOf, pageWindow, totalMatching, withinDates, type ListParams } from "@/lib/admin/list";

const patientUser = alias(users, "patient_user");

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

import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, progressNotes, users, videoSessions } from "@/db/schema";

/** One thing a member of staff did with the patient's record, as the export lists it. */
export type StaffAccessEntry = {
  at: Date;
  staffName: string;
  staffRole: "clinician" | "admin" | "patient";
  /** what was touched, in words: "video session", "progress note", "appointment booked", … */
  what: string;
  /** "R" read, "C" create, "U" update (FHIR AuditEvent.action) */
  action: "R" | "C" | "U";
};

/**
 * THE PLUG-IN POINT FOR THE STAFF ACCESS LOG (issue #19). Until `accessLogForPatient(db, patientId)` is merged, the
 * export lists the staff access already on record: sessions started, notes written, appointments booked and
 * cancelled. Once it is merged, return its rows here (mapped to StaffAccessEntry) alongside or instead of these.
 */
export async function staffAccessForExport(db: Db, patientId: string): Promise<StaffAccessEntry[]> {
  const [sessions, notes, booked, cancelled] = await Promise.all([
    db
      .select({ at: videoSessions.createdAt, name: users.name, role: users.role })
      .from(videoSessions)
      .innerJoin(appointments, eq(appointments.id, videoSessions.appointmentId))
      .innerJoin(users, eq(users.id, videoSessions.createdBy))
      .where(eq(appointments.patientId, patientId)),
    db
      .select({ at: progressNotes.createdAt, name: users.name, role: users.role })
      .from(progressNotes)
      .innerJoin(users, eq(users.id, progressNotes.clinicianId))
      .where(eq(progressNotes.patientId, patientId)),
    db
      .select({ at: appointments.createdAt, name: users.name, role: users.role })
      .from(appointments)
      .innerJoin(users, eq(users.id, appointments.bookedBy))
      .where(eq(appointments.patientId, patientId)),
    db
      .select({ at: appointments.cancelledAt, name: users.name, role: users.role })
      .from(appointments)
      .innerJoin(users, eq(users.id, appointments.cancelledBy))
      .where(and(eq(appointments.patientId, patientId), isNotNull(appointments.cancelledAt))),
  ]);
  type Row = { at: Date | null; name: string | null; role: StaffAccessEntry["staffRole"] };
  const entries = (rows: Row[], what: string, action: StaffAccessEntry["action"]) =>
    rows.map((row) => ({ at: row.at!, staffName: row.name ?? "Clinic staff", staffRole: row.role, what, action }));
  return [
    ...entries(sessions, "started a video session", "C"),
    ...entries(notes, "wrote a progress note", "C"),
    ...entries(booked, "booked an appointment", "C"),
    ...entries(cancelled, "cancelled an appointment", "U"),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
}

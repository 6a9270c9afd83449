import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, progressNotes, users, videoSessions } from "@/db/schema";
import { accessKindLabel } from "@/lib/access/kinds";
import { accessLogForPatient } from "@/lib/access/queries";

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

/** What staff did with the record: every logged read (the access log) and the changes they made (sessions, notes, bookings). */
export async function staffAccessForExport(db: Db, patientId: string): Promise<StaffAccessEntry[]> {
  const [reads, sessions, notes, booked, cancelled] = await Promise.all([
    accessLogForPatient(db, patientId),
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
    ...reads.map((row) => ({
      at: row.at,
      staffName: row.actorName ?? "Clinic staff",
      staffRole: row.actorRole,
      what: `read: ${accessKindLabel(row.what).toLowerCase()}`,
      action: "R" as const,
    })),
    ...entries(sessions, "started a video session", "C"),
    ...entries(notes, "wrote a progress note", "C"),
    ...entries(booked, "booked an appointment", "C"),
    ...entries(cancelled, "cancelled an appointment", "U"),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
}

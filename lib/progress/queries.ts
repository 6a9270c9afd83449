import "server-only";
import { and, asc, desc, eq, gt, inArray, lte, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { appointments, clinicians, notificationDeliveries, patientProfiles, progressNotes, users } from "@/db/schema";
import { rowPatients, staffRead } from "@/lib/access/record";
import { matchesText, pageOf, pageWindow, totalMatching, withinDates, type ListParams } from "@/lib/admin/list";

const correction = alias(progressNotes, "correction");

/** Notes still `pending` after the grace period: their event was probably never sent. Served by progress_notes_sharing_idx. */
export async function findNotesPendingSharing(
  db: Db,
  now = new Date(),
  graceMinutes = 5,
  maxAgeDays = 7,
): Promise<string[]> {
  const rows = await db
    .select({ id: progressNotes.id })
    .from(progressNotes)
    .where(
      and(
        eq(progressNotes.sharingStatus, "pending"),
        lte(progressNotes.createdAt, new Date(now.getTime() - graceMinutes * 60_000)),
        gt(progressNotes.createdAt, new Date(now.getTime() - maxAgeDays * 86_400_000)),
      ),
    )
    .orderBy(asc(progressNotes.createdAt))
    .limit(1000);
  return rows.map((row) => row.id);
}

/** The patient's Progress page: summaries only. The private note is never selected here. */
export async function listProgressForPatient(db: Db, patientId: string) {
  return db
    .select({
      id: progressNotes.id,
      createdAt: progressNotes.createdAt,
      summary: progressNotes.patientSummary,
      correctsNoteId: progressNotes.correctsNoteId,
      correctedByNoteId: correction.id,
      clinicianName: clinicians.displayName,
      appointmentStartsAt: appointments.startsAt,
    })
    .from(progressNotes)
    .innerJoin(clinicians, eq(clinicians.userId, progressNotes.clinicianId))
    .innerJoin(appointments, eq(appointments.id, progressNotes.appointmentId))
    .leftJoin(correction, eq(correction.correctsNoteId, progressNotes.id))
    .where(eq(progressNotes.patientId, patientId))
    .orderBy(desc(progressNotes.createdAt))
    .limit(200);
}
export type PatientProgressItem = Awaited<ReturnType<typeof listProgressForPatient>>[number];

/** An appointment of this clinician's that has started and was not cancelled: the ones notes may be written on. */
export const getAppointmentForNotes = staffRead(
  "progress_notes",
  (row: { patientId: string } | null) => (row ? [row.patientId] : []),
  async function getAppointmentForNotes(db: Db, clinicianId: string, appointmentId: string, now: Date = new Date()) {
    const [row] = await db
      .select({
        id: appointments.id,
        patientId: appointments.patientId,
        startsAt: appointments.startsAt,
        modality: appointments.modality,
        patientFirstName: patientProfiles.firstName,
        patientLastName: patientProfiles.lastName,
      })
      .from(appointments)
      .innerJoin(patientProfiles, eq(patientProfiles.userId, appointments.patientId))
      .where(
        and(
          eq(appointments.id, appointmentId),
          eq(appointments.clinicianId, clinicianId),
          ne(appointments.status, "cancelled"),
          lte(appointments.startsAt, now),
        ),
      );
    return row ?? null;
  },
);

/** Every note of one appointment for its clinician, with where each was shared. */
export const listNotesForAppointment = staffRead(
  "progress_notes",
  rowPatients,
  async function listNotesForAppointment(db: Db, clinicianId: string, appointmentId: string) {
    const notes = await db
      .select({
        id: progressNotes.id,
        patientId: progressNotes.patientId,
        createdAt: progressNotes.createdAt,
        privateNote: progressNotes.privateNote,
        patientSummary: progressNotes.patientSummary,
        correctsNoteId: progressNotes.correctsNoteId,
        correctedByNoteId: correction.id,
        sharingStatus: progressNotes.sharingStatus,
      })
      .from(progressNotes)
      .leftJoin(correction, eq(correction.correctsNoteId, progressNotes.id))
      .where(and(eq(progressNotes.appointmentId, appointmentId), eq(progressNotes.clinicianId, clinicianId)))
      .orderBy(desc(progressNotes.createdAt));
    const deliveries = await deliveriesOf(
      db,
      notes.map((note) => note.id),
    );
    return notes.map((note) => ({ ...note, deliveries: deliveries.filter((d) => d.progressNoteId === note.id) }));
  },
);

async function deliveriesOf(db: Db, noteIds: string[]) {
  if (noteIds.length === 0) return [];
  return db
    .select({
      id: notificationDeliveries.id,
      progressNoteId: notificationDeliveries.progressNoteId,
      kind: notificationDeliveries.kind,
      channel: notificationDeliveries.channel,
      status: notificationDeliveries.status,
      reason: notificationDeliveries.reason,
      errorCode: notificationDeliveries.errorCode,
      createdAt: notificationDeliveries.createdAt,
    })
    .from(notificationDeliveries)
    .where(inArray(notificationDeliveries.progressNoteId, noteIds))
    .orderBy(asc(notificationDeliveries.kind), asc(notificationDeliveries.channel));
}
export type NoteDelivery = Awaited<ReturnType<typeof deliveriesOf>>[number];

export type SharingFilters = ListParams & { sharing?: "pending" | "shared" | "skipped" };

/** The admin's view: each note's shares and skips, newest first. No note content: admins see what happened, not what was written. */
export const listProgressSharing = staffRead(
  "progress_sharing",
  (page) => rowPatients(page.rows),
  async function listProgressSharing(db: Db, filters: SharingFilters) {
    const notes = await db
      .select({
        id: progressNotes.id,
        createdAt: progressNotes.createdAt,
        sharingStatus: progressNotes.sharingStatus,
        correctsNoteId: progressNotes.correctsNoteId,
        patientId: progressNotes.patientId,
        patientFirstName: patientProfiles.firstName,
        patientLastName: patientProfiles.lastName,
        patientEmail: users.email,
        clinicianName: clinicians.displayName,
        total: totalMatching(),
      })
      .from(progressNotes)
      .innerJoin(patientProfiles, eq(patientProfiles.userId, progressNotes.patientId))
      .innerJoin(users, eq(users.id, progressNotes.patientId))
      .innerJoin(clinicians, eq(clinicians.userId, progressNotes.clinicianId))
      .where(
        and(
          matchesText(
            filters.patient,
            [users.name, users.email],
            [patientProfiles.firstName, patientProfiles.lastName],
          ),
          ...withinDates(progressNotes.createdAt, filters),
          filters.sharing ? eq(progressNotes.sharingStatus, filters.sharing) : undefined,
        ),
      )
      .orderBy(desc(progressNotes.createdAt), desc(progressNotes.id))
      .limit(pageWindow(filters).limit)
      .offset(pageWindow(filters).offset);
    const deliveries = await deliveriesOf(
      db,
      notes.map((note) => note.id),
    );
    return pageOf(
      notes.map((note) => ({ ...note, deliveries: deliveries.filter((d) => d.progressNoteId === note.id) })),
      filters,
    );
  },
);
export type SharingRow = Awaited<ReturnType<typeof listProgressSharing>>["rows"][number];

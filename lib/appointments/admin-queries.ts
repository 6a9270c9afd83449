import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { appointmentReschedules, appointments, clinicians, patientProfiles, users } from "@/db/schema";

const bookedBy = alias(users, "booked_by_user");
const cancelledBy = alias(users, "cancelled_by_user");
const movedBy = alias(users, "moved_by_user");

/**
 * The admin's record of appointment changes: who booked each appointment, who moved it and when, who cancelled it and
 * why. Newest bookings first, optionally one patient's (by email).
 */
export async function listAppointmentChanges(db: Db, filters: { patientEmail?: string }, limit = 100) {
  const patientUser = alias(users, "patient_user");
  const rows = await db
    .select({
      id: appointments.id,
      startsAt: appointments.startsAt,
      status: appointments.status,
      createdAt: appointments.createdAt,
      patientFirstName: patientProfiles.firstName,
      patientLastName: patientProfiles.lastName,
      clinicianName: clinicians.displayName,
      bookedByName: bookedBy.name,
      cancelledAt: appointments.cancelledAt,
      cancelledByName: cancelledBy.name,
      cancellationReason: appointments.cancellationReason,
    })
    .from(appointments)
    .innerJoin(patientProfiles, eq(patientProfiles.userId, appointments.patientId))
    .innerJoin(patientUser, eq(patientUser.id, appointments.patientId))
    .innerJoin(clinicians, eq(clinicians.userId, appointments.clinicianId))
    .leftJoin(bookedBy, eq(bookedBy.id, appointments.bookedBy))
    .leftJoin(cancelledBy, eq(cancelledBy.id, appointments.cancelledBy))
    .where(and(filters.patientEmail ? eq(patientUser.email, filters.patientEmail.toLowerCase()) : undefined))
    .orderBy(desc(appointments.createdAt))
    .limit(limit);
  if (rows.length === 0) return [];
  const moves = await db
    .select({
      appointmentId: appointmentReschedules.appointmentId,
      previousStartsAt: appointmentReschedules.previousStartsAt,
      newStartsAt: appointmentReschedules.newStartsAt,
      at: appointmentReschedules.createdAt,
      byName: movedBy.name,
    })
    .from(appointmentReschedules)
    .leftJoin(movedBy, eq(movedBy.id, appointmentReschedules.actorId))
    .where(
      inArray(
        appointmentReschedules.appointmentId,
        rows.map((row) => row.id),
      ),
    )
    .orderBy(appointmentReschedules.createdAt);
  return rows.map((row) => ({ ...row, moves: moves.filter((move) => move.appointmentId === row.id) }));
}
export type AppointmentChangeRow = Awaited<ReturnType<typeof listAppointmentChanges>>[number];

import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { appointmentReschedules, appointments, clinicians, patientProfiles, users } from "@/db/schema";
import { rowPatients, staffRead } from "@/lib/access/record";
import { matchesText, pageOf, pageWindow, totalMatching, withinDates, type ListParams } from "@/lib/admin/list";

const bookedBy = alias(users, "booked_by_user");
const cancelledBy = alias(users, "cancelled_by_user");
const movedBy = alias(users, "moved_by_user");

export type AppointmentChangeFilters = ListParams & { status?: "scheduled" | "cancelled" | "completed" };

/**
 * The admin's record of appointment changes: who booked each appointment, who moved it and when, who cancelled it and
 * why. Newest bookings first, filtered, a page at a time; the date range is of the booking.
 */
export const listAppointmentChanges = staffRead(
  "appointment_changes",
  (page) => rowPatients(page.rows),
  async function listAppointmentChanges(db: Db, filters: AppointmentChangeFilters) {
    const patientUser = alias(users, "patient_user");
    const rows = await db
      .select({
        id: appointments.id,
        patientId: appointments.patientId,
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
        total: totalMatching(),
      })
      .from(appointments)
      .innerJoin(patientProfiles, eq(patientProfiles.userId, appointments.patientId))
      .innerJoin(patientUser, eq(patientUser.id, appointments.patientId))
      .innerJoin(clinicians, eq(clinicians.userId, appointments.clinicianId))
      .leftJoin(bookedBy, eq(bookedBy.id, appointments.bookedBy))
      .leftJoin(cancelledBy, eq(cancelledBy.id, appointments.cancelledBy))
      .where(
        and(
          matchesText(
            filters.patient,
            [patientUser.name, patientUser.email],
            [patientProfiles.firstName, patientProfiles.lastName],
          ),
          ...withinDates(appointments.createdAt, filters),
          filters.status ? eq(appointments.status, filters.status) : undefined,
        ),
      )
      .orderBy(desc(appointments.createdAt), desc(appointments.id))
      .limit(pageWindow(filters).limit)
      .offset(pageWindow(filters).offset);
    if (rows.length === 0) return pageOf([] as ((typeof rows)[number] & { moves: never[] })[], filters);
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
    return pageOf(
      rows.map((row) => ({ ...row, moves: moves.filter((move) => move.appointmentId === row.id) })),
      filters,
    );
  },
);
export type AppointmentChangeRow = Awaited<ReturnType<typeof listAppointmentChanges>>["rows"][number];

import "server-only";
import { and, asc, desc, eq, gte, isNull, lte, ne, not, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { appointments, clinicians, patientClinicians, patientProfiles, users } from "@/db/schema";
import { rowPatients, staffRead } from "@/lib/access/record";

// An appointment stays "upcoming" until it has ended, so a visit in progress is still listed.
// postgres.js cannot bind a Date inside raw sql, so the moment goes in as ISO text with a cast.
const notEnded = (now: Date) =>
  sql`${appointments.startsAt} + make_interval(mins => ${appointments.durationMinutes}) >= ${now.toISOString()}::timestamptz`;

const SINCE_WINDOW_MS = 24 * 60 * 60_000;

/** One person's appointments that have not ended; the start bound keeps it an index range scan. */
const upcomingOf = (
  owner: typeof appointments.patientId | typeof appointments.clinicianId,
  ownerId: string,
  now: Date,
) => and(eq(owner, ownerId), gte(appointments.startsAt, new Date(now.getTime() - SINCE_WINDOW_MS)), notEnded(now));

/** A row of a patient's lists: the appointment and the clinician's name. */
const patientRowColumns = {
  id: appointments.id,
  startsAt: appointments.startsAt,
  durationMinutes: appointments.durationMinutes,
  modality: appointments.modality,
  status: appointments.status,
  clinicianName: clinicians.displayName,
};

/** A patient's upcoming appointments, with the clinician's name, in start order. */
export async function listUpcomingAppointmentsForPatient(db: Db, patientId: string, now = new Date()) {
  return db
    .select(patientRowColumns)
    .from(appointments)
    .innerJoin(clinicians, eq(clinicians.userId, appointments.clinicianId))
    .where(upcomingOf(appointments.patientId, patientId, now))
    .orderBy(asc(appointments.startsAt));
}

const PAST_WINDOW_MS = 365 * 24 * 60 * 60_000;
const PAST_SHOWN = 50;

/** A patient's appointments of the last year that have ended (cancelled ones too), newest first. */
export async function listPastAppointmentsForPatient(db: Db, patientId: string, now = new Date()) {
  return db
    .select(patientRowColumns)
    .from(appointments)
    .innerJoin(clinicians, eq(clinicians.userId, appointments.clinicianId))
    .where(
      and(
        eq(appointments.patientId, patientId),
        gte(appointments.startsAt, new Date(now.getTime() - PAST_WINDOW_MS)),
        lte(appointments.startsAt, now),
        not(notEnded(now)),
      ),
    )
    .orderBy(desc(appointments.startsAt))
    .limit(PAST_SHOWN);
}

/** One of the patient's own appointments as a calendar entry needs it, or null for anyone else's. */
export async function getAppointmentForCalendar(db: Db, patientId: string, appointmentId: string) {
  const [row] = await db
    .select({
      id: appointments.id,
      startsAt: appointments.startsAt,
      durationMinutes: appointments.durationMinutes,
      modality: appointments.modality,
      status: appointments.status,
      sequence: appointments.sequence,
      clinicianName: clinicians.displayName,
      timeZone: patientProfiles.timeZone,
      email: users.email,
    })
    .from(appointments)
    .innerJoin(clinicians, eq(clinicians.userId, appointments.clinicianId))
    .innerJoin(patientProfiles, eq(patientProfiles.userId, appointments.patientId))
    .innerJoin(users, eq(users.id, appointments.patientId))
    .where(and(eq(appointments.id, appointmentId), eq(appointments.patientId, patientId)));
  return row ?? null;
}

const patient = alias(patientProfiles, "patient");

/** A row of a clinician's lists: the appointment and the patient's name. */
const scheduleRowColumns = {
  id: appointments.id,
  patientId: appointments.patientId,
  startsAt: appointments.startsAt,
  durationMinutes: appointments.durationMinutes,
  modality: appointments.modality,
  status: appointments.status,
  patientFirstName: patient.firstName,
  patientLastName: patient.lastName,
  patientTimeZone: patient.timeZone,
};

/** A clinician's schedule from now on, with each patient's name. */
export const listScheduleForClinician = staffRead(
  "schedule",
  rowPatients,
  async function listScheduleForClinician(db: Db, clinicianId: string, now: Date = new Date()) {
    return db
      .select(scheduleRowColumns)
      .from(appointments)
      .innerJoin(patient, eq(patient.userId, appointments.patientId))
      .where(upcomingOf(appointments.clinicianId, clinicianId, now))
      .orderBy(asc(appointments.startsAt));
  },
);

export async function timeZoneOfPatient(db: Db, patientId: string): Promise<string> {
  const [row] = await db
    .select({ timeZone: patientProfiles.timeZone })
    .from(patientProfiles)
    .where(eq(patientProfiles.userId, patientId));
  return row?.timeZone ?? "UTC";
}

export async function timeZoneOfClinician(db: Db, clinicianId: string): Promise<string> {
  const [row] = await db
    .select({ timeZone: clinicians.timeZone })
    .from(clinicians)
    .where(eq(clinicians.userId, clinicianId));
  return row?.timeZone ?? "UTC";
}

/** The active patients assigned to a clinician: the ones they may book for. */
export const listPatientsOfClinician = staffRead(
  "patient_list",
  (rows) => rows.map((row) => row.id),
  async function listPatientsOfClinician(db: Db, clinicianId: string) {
    return db
      .select({
        id: patientProfiles.userId,
        firstName: patientProfiles.firstName,
        lastName: patientProfiles.lastName,
        timeZone: patientProfiles.timeZone,
      })
      .from(patientClinicians)
      .innerJoin(patientProfiles, eq(patientProfiles.userId, patientClinicians.patientId))
      .innerJoin(users, eq(users.id, patientClinicians.patientId))
      .where(and(eq(patientClinicians.clinicianId, clinicianId), isNull(users.deactivatedAt)))
      .orderBy(asc(patientProfiles.lastName), asc(patientProfiles.firstName));
  },
);

/** Visits of the last 60 days that have started and were not cancelled: the ones a clinician writes notes on. */
export const listRecentVisitsForClinician = staffRead(
  "schedule",
  rowPatients,
  async function listRecentVisitsForClinician(db: Db, clinicianId: string, now: Date = new Date()) {
    return db
      .select(scheduleRowColumns)
      .from(appointments)
      .innerJoin(patient, eq(patient.userId, appointments.patientId))
      .where(
        and(
          eq(appointments.clinicianId, clinicianId),
          gte(appointments.startsAt, new Date(now.getTime() - 60 * 86_400_000)),
          lte(appointments.startsAt, now),
          ne(appointments.status, "cancelled"),
        ),
      )
      .orderBy(desc(appointments.startsAt))
      .limit(50);
  },
);

/** Every active patient, for an admin booking on a clinician's behalf (admins may book anyone). */
export const listAllPatients = staffRead(
  "patient_list",
  (rows) => rows.map((row) => row.id),
  async function listAllPatients(db: Db) {
    return db
      .select({
        id: patientProfiles.userId,
        firstName: patientProfiles.firstName,
        lastName: patientProfiles.lastName,
        timeZone: patientProfiles.timeZone,
      })
      .from(patientProfiles)
      .innerJoin(users, eq(users.id, patientProfiles.userId))
      .where(isNull(users.deactivatedAt))
      .orderBy(asc(patientProfiles.lastName), asc(patientProfiles.firstName))
      .limit(500);
  },
);

/** Active clinicians by name, for an admin choosing whose schedule and hours to work on. */
export async function listClinicians(db: Db) {
  return db
    .select({ id: clinicians.userId, name: clinicians.displayName, timeZone: clinicians.timeZone })
    .from(clinicians)
    .innerJoin(users, eq(users.id, clinicians.userId))
    .where(isNull(users.deactivatedAt))
    .orderBy(asc(clinicians.displayName));
}

/** One appointment as the cancel confirmation shows it: the clinician's own, or any for an admin; null otherwise. */
export const getAppointmentForStaff = staffRead(
  "schedule",
  (row) => (row ? [row.patientId] : []),
  async function getAppointmentForStaff(
    db: Db,
    actor: { id: string; role: "patient" | "clinician" | "admin" },
    appointmentId: string,
  ) {
    if (actor.role === "patient") return null;
    const [row] = await db
      .select({
        id: appointments.id,
        patientId: appointments.patientId,
        clinicianId: appointments.clinicianId,
        startsAt: appointments.startsAt,
        durationMinutes: appointments.durationMinutes,
        modality: appointments.modality,
        status: appointments.status,
        patientFirstName: patient.firstName,
        patientLastName: patient.lastName,
        clinicianName: clinicians.displayName,
        timeZone: clinicians.timeZone,
      })
      .from(appointments)
      .innerJoin(patient, eq(patient.userId, appointments.patientId))
      .innerJoin(clinicians, eq(clinicians.userId, appointments.clinicianId))
      .where(
        and(
          eq(appointments.id, appointmentId),
          actor.role === "admin" ? undefined : eq(appointments.clinicianId, actor.id),
        ),
      );
    return row ?? null;
  },
);

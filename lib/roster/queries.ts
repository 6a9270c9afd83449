import "server-only";
import { and, asc, count, desc, eq, ilike, inArray, isNull, or, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { clinicians, patientClinicians, rosterAudit, users, type Role } from "@/db/schema";
import { staffRead } from "@/lib/access/record";

export const PEOPLE_PAGE = 50;

// LIKE's own wildcards in what an admin types are matched literally.
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export type PeopleFilter = { q?: string; role?: Role };

/** People, newest first, 50 a page, with the total: name or email containing `q`, of one role if asked. */
export const listPeople = staffRead(
  "roster",
  (result) => result.people.filter((person) => person.role === "patient").map((person) => person.id),
  async function listPeople(db: Db, filter: PeopleFilter, page: number = 1) {
    const where: SQL | undefined = and(
      filter.q ? or(ilike(users.name, containing(filter.q)), ilike(users.email, containing(filter.q))) : undefined,
      filter.role ? eq(users.role, filter.role) : undefined,
    );
    const [rows, [total]] = await Promise.all([
      db
        .select({
          id: users.id,
          name: users.name,
          email: users.email,
          role: users.role,
          deactivatedAt: users.deactivatedAt,
          createdAt: users.createdAt,
        })
        .from(users)
        .where(where)
        .orderBy(desc(users.createdAt), asc(users.email))
        .limit(PEOPLE_PAGE)
        .offset((page - 1) * PEOPLE_PAGE),
      db.select({ n: count() }).from(users).where(where),
    ]);
    const patientIds = rows.filter((row) => row.role === "patient").map((row) => row.id);
    const assignments =
      patientIds.length === 0
        ? []
        : await db
            .select({
              patientId: patientClinicians.patientId,
              clinicianId: patientClinicians.clinicianId,
              clinicianName: clinicians.displayName,
            })
            .from(patientClinicians)
            .innerJoin(clinicians, eq(clinicians.userId, patientClinicians.clinicianId))
            .where(inArray(patientClinicians.patientId, patientIds))
            .orderBy(asc(clinicians.displayName));
    return {
      total: total?.n ?? 0,
      people: rows.map((row) => ({
        ...row,
        clinicians: assignments.filter((a) => a.patientId === row.id),
      })),
    };
  },
);

/** Active clinicians, for the invitation form and the assignment pickers. */
export async function listActiveClinicians(db: Db) {
  return db
    .select({ id: clinicians.userId, name: clinicians.displayName })
    .from(clinicians)
    .innerJoin(users, eq(users.id, clinicians.userId))
    .where(isNull(users.deactivatedAt))
    .orderBy(asc(clinicians.displayName));
}

const actor = alias(users, "actor");
const subject = alias(users, "subject");

/** The newest roster changes, with who made them and whom they were about (a patient named here is a read of them). */
export const listRosterAudit = staffRead(
  "roster",
  (rows) => rows.flatMap((row) => (row.subjectRole === "patient" && row.subjectId ? [row.subjectId] : [])),
  async function listRosterAudit(db: Db, limit: number = 50) {
    return db
      .select({
        id: rosterAudit.id,
        action: rosterAudit.action,
        details: rosterAudit.details,
        requestHash: rosterAudit.requestHash,
        createdAt: rosterAudit.createdAt,
        actorName: actor.name,
        actorEmail: actor.email,
        subjectName: subject.name,
        subjectEmail: subject.email,
        subjectId: subject.id,
        subjectRole: subject.role,
      })
      .from(rosterAudit)
      .leftJoin(actor, eq(actor.id, rosterAudit.actorId))
      .leftJoin(subject, eq(subject.id, rosterAudit.subjectId))
      .orderBy(desc(rosterAudit.id))
      .limit(limit);
  },
);

/** Every clinician's name by id (deactivated ones too), for the audit's details. */
export async function clinicianNames(db: Db): Promise<Map<string, string>> {
  const rows = await db.select({ id: clinicians.userId, name: clinicians.displayName }).from(clinicians);
  return new Map(rows.map((row) => [row.id, row.name]));
}

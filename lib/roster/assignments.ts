import "server-only";
import { and, eq, gte, isNull } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import type { SessionUser } from "@/lib/auth/session";
import { appointments, patientClinicians, users } from "@/db/schema";
import { audit, type RosterActor } from "./audit";
import { RosterRefusal, refusalsAsResult, type RosterResult } from "./invite";

async function roleOf(db: Db, userId: string) {
  const [row] = await db
    .select({ role: users.role, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(eq(users.id, userId));
  return row;
}

/** Assigns a patient to an active clinician (idempotent: an existing assignment writes nothing). */
export function assignClinician(
  db: Db,
  actor: RosterActor,
  input: { patientId: string; clinicianId: string },
): Promise<RosterResult> {
  return refusalsAsResult(async () => {
    const [patient, clinician] = await Promise.all([roleOf(db, input.patientId), roleOf(db, input.clinicianId)]);
    if (patient?.role !== "patient") throw new RosterRefusal({ ok: false, message: "That patient was not found." });
    if (clinician?.role !== "clinician" || clinician.deactivatedAt) {
      throw new RosterRefusal({
        ok: false,
        message: "Nothing was saved.",
        fieldErrors: { clinicianId: ["Choose an active clinician."] },
      });
    }
    return db.transaction(async (tx) => {
      const [row] = await tx
        .insert(patientClinicians)
        .values({ ...input, assignedBy: actor.userId })
        .onConflictDoNothing()
        .returning({ patientId: patientClinicians.patientId });
      if (row) {
        await audit(tx, actor, [
          { action: "clinician_assigned", subjectId: input.patientId, details: { clinicianId: input.clinicianId } },
        ]);
      }
      return { ok: true as const, userId: input.patientId };
    });
  });
}

/**
 * Ends an assignment. Refused while the pair has scheduled appointments ahead: the clinician's schedule must never
 * hold a patient they may not see (cancel or move those first).
 */
export function unassignClinician(
  db: Db,
  actor: RosterActor,
  input: { patientId: string; clinicianId: string },
  now = new Date(),
): Promise<RosterResult> {
  return refusalsAsResult(() =>
    db.transaction(async (tx) => {
      const [ahead] = await tx
        .select({ id: appointments.id })
        .from(appointments)
        .where(
          and(
            eq(appointments.patientId, input.patientId),
            eq(appointments.clinicianId, input.clinicianId),
            eq(appointments.status, "scheduled"),
            gte(appointments.startsAt, now),
          ),
        )
        .limit(1);
      if (ahead) {
        throw new RosterRefusal({
          ok: false,
          message: "This patient has appointments ahead with this clinician: cancel or move them first.",
        });
      }
      const [row] = await tx
        .delete(patientClinicians)
        .where(
          and(eq(patientClinicians.patientId, input.patientId), eq(patientClinicians.clinicianId, input.clinicianId)),
        )
        .returning({ patientId: patientClinicians.patientId });
      if (!row) throw new RosterRefusal({ ok: false, message: "That assignment was not found." });
      await audit(tx, actor, [
        { action: "clinician_unassigned", subjectId: input.patientId, details: { clinicianId: input.clinicianId } },
      ]);
      return { ok: true as const, userId: input.patientId };
    }),
  );
}

/** An admin's booking assigns the patient to the clinician (audited), so the clinician sees whom they will meet. */
export async function assignOnBooking(tx: Tx, actor: SessionUser, patientId: string, clinicianId: string) {
  const [row] = await tx
    .insert(patientClinicians)
    .values({ patientId, clinicianId, assignedBy: actor.id })
    .onConflictDoNothing()
    .returning({ patientId: patientClinicians.patientId });
  if (row) {
    await audit(tx, { userId: actor.id, requestHash: null }, [
      { action: "clinician_assigned", subjectId: patientId, details: { clinicianId, via: "booking" } },
    ]);
  }
}

/** Whether a clinician may book (and see) this patient: assigned, and the patient is active. */
export async function isAssigned(db: Db, clinicianId: string, patientId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: patientClinicians.patientId })
    .from(patientClinicians)
    .innerJoin(users, eq(users.id, patientClinicians.patientId))
    .where(
      and(
        eq(patientClinicians.clinicianId, clinicianId),
        eq(patientClinicians.patientId, patientId),
        isNull(users.deactivatedAt),
      ),
    );
  return Boolean(row);
}

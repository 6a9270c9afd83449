import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { clinicians, patientClinicians, patientProfiles, users } from "@/db/schema";
import { parseMobileNumber } from "@/lib/patients/preferences";
import { phoneRegionOf } from "@/lib/patients/phone-region";
import { audit, type RosterActor } from "./audit";
import type { InviteInput } from "./schemas";

export type RosterResult =
  { ok: true; userId: string } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

export const DUPLICATE_EMAIL = "Someone with this email address is already registered.";

/** Thrown inside a transaction to roll it back and answer with field errors. */
export class RosterRefusal extends Error {
  constructor(readonly refusal: Extract<RosterResult, { ok: false }>) {
    super("roster refusal");
  }
}

export async function refusalsAsResult<T>(work: () => Promise<T>): Promise<T | Extract<RosterResult, { ok: false }>> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RosterRefusal) return error.refusal;
    throw error;
  }
}

const refuse = (fieldErrors: Record<string, string[]>) =>
  new RosterRefusal({
    ok: false,
    message: "Nothing was saved: nobody was invited. Please check the highlighted fields.",
    fieldErrors,
  });

/** The active clinicians among `ids`; anything else is refused as a field error. */
async function activeClinicians(tx: Tx, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.role, "clinician"), isNull(users.deactivatedAt)));
  return rows.map((row) => row.id);
}

/**
 * Registers a patient or clinician with their profile (and a patient's clinicians) in one transaction, audited. A
 * taken email is a field error and writes nothing, also when two admins invite the same address at once.
 */
export function inviteUser(db: Db, actor: RosterActor, input: InviteInput): Promise<RosterResult> {
  return refusalsAsResult(() => registerInvitee(db, actor, input));
}

async function registerInvitee(db: Db, actor: RosterActor, input: InviteInput): Promise<RosterResult> {
  const phone = parseMobileNumber(input.phone, phoneRegionOf({ country: input.country, timeZone: input.timeZone }));
  if ("error" in phone) throw refuse({ phone: [phone.error] });
  if (input.role === "clinician" && (phone.e164 || input.country || input.clinicianIds.length > 0)) {
    throw refuse({ role: ["Phone, country and clinicians are for patients only."] });
  }
  const name = [input.firstName, input.lastName].filter(Boolean).join(" ");
  return db.transaction(async (tx) => {
    const wanted = [...new Set(input.clinicianIds)];
    const found = await activeClinicians(tx, wanted);
    if (found.length !== wanted.length) throw refuse({ clinicianIds: ["Choose active clinicians from the list."] });
    const [user] = await tx
      .insert(users)
      .values({ email: input.email, name, role: input.role })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    if (!user) throw refuse({ email: [DUPLICATE_EMAIL] });
    if (input.role === "patient") {
      await tx.insert(patientProfiles).values({
        userId: user.id,
        firstName: input.firstName,
        lastName: input.lastName,
        timeZone: input.timeZone,
        phoneE164: phone.e164,
        country: input.country,
      });
      if (found.length > 0) {
        await tx
          .insert(patientClinicians)
          .values(found.map((clinicianId) => ({ patientId: user.id, clinicianId, assignedBy: actor.userId })));
      }
    } else {
      await tx.insert(clinicians).values({ userId: user.id, displayName: name, timeZone: input.timeZone });
    }
    await audit(tx, actor, [
      {
        action: "user_invited",
        subjectId: user.id,
        details: { role: input.role, email: input.email, timeZone: input.timeZone, clinicians: found.length },
      },
      ...found.map((clinicianId) => ({
        action: "clinician_assigned" as const,
        subjectId: user.id,
        details: { clinicianId },
      })),
    ]);
    return { ok: true as const, userId: user.id };
  });
}

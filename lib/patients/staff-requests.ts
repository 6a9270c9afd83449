import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { inboundMessages, patientProfiles, users, type RequestMeans } from "@/db/schema";
import { applyAuditedChanges, type FieldChanges } from "./ledger";

/** What a patient may ask staff to stop; each maps to the switch it turns off. */
export const stopRequests = {
  texts_off: { textMessages: false },
  email_off: { emailNotifications: false },
  reminders_off: { appointmentReminders: false },
} as const satisfies Record<string, FieldChanges>;
export type StopRequest = keyof typeof stopRequests;

export type StaffRequestResult =
  { ok: true; changed: number } | { ok: false; reason: "no_such_patient" | "already_resolved" | "no_such_message" };

/**
 * A request the patient made by phone, in person, by letter or email, recorded by staff: immediate, and the ledger row
 * names the staff member and how the patient asked (the patient's history says "changed by the clinic at your request").
 */
export async function recordStaffRequest(
  db: Db,
  input: { staffId: string; patientEmail: string; request: StopRequest; means: RequestMeans; requestHash?: string },
): Promise<StaffRequestResult> {
  const [patient] = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(patientProfiles, eq(patientProfiles.userId, users.id))
    .where(eq(users.email, input.patientEmail.toLowerCase()));
  if (!patient) return { ok: false, reason: "no_such_patient" };
  const rows = await db.transaction((tx) =>
    applyAuditedChanges(tx, {
      patientId: patient.id,
      actor: { kind: "staff", userId: input.staffId },
      changes: stopRequests[input.request],
      requestMeans: input.means,
      requestHash: input.requestHash,
    }),
  );
  return { ok: true, changed: rows.length };
}

/**
 * Staff record what an inbox message asked for: texts off (for every patient with that number, as a STOP would) or
 * no change. Resolved once: a second resolution, from another tab or admin, finds it resolved and changes nothing.
 */
export async function resolveInboxMessage(
  db: Db,
  input: { staffId: string; messageId: string; outcome: "texts_off" | "no_change"; requestHash?: string },
): Promise<StaffRequestResult> {
  return db.transaction(async (tx) => {
    const [resolved] = await tx
      .update(inboundMessages)
      .set({ resolvedAt: new Date(), resolvedBy: input.staffId, outcome: input.outcome })
      .where(and(eq(inboundMessages.id, input.messageId), isNull(inboundMessages.resolvedAt)))
      .returning({ fromNumber: inboundMessages.fromNumber });
    if (!resolved) {
      const [exists] = await tx
        .select({ id: inboundMessages.id })
        .from(inboundMessages)
        .where(eq(inboundMessages.id, input.messageId));
      return { ok: false, reason: exists ? "already_resolved" : "no_such_message" };
    }
    if (input.outcome === "no_change") return { ok: true, changed: 0 };
    const patients = await tx
      .select({ userId: patientProfiles.userId })
      .from(patientProfiles)
      .where(eq(patientProfiles.phoneE164, resolved.fromNumber))
      .orderBy(asc(patientProfiles.userId));
    let changed = 0;
    for (const { userId } of patients) {
      const rows = await applyAuditedChanges(tx, {
        patientId: userId,
        actor: { kind: "staff", userId: input.staffId },
        changes: { textMessages: false },
        requestMeans: "text_reply",
        requestHash: input.requestHash,
      });
      changed += rows.length;
    }
    return { ok: true, changed };
  });
}

/** The staff inbox: open messages by deadline (soonest first), then the latest resolved ones. Admins only. */

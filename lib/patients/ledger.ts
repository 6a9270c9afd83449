import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { patientProfiles, preferenceLedger, type PatientProfile, type RequestMeans } from "@/db/schema";
import type { MatrixField, ReminderField } from "@/lib/notifications/kinds";

export type LedgerActor = {
  kind: (typeof preferenceLedger.$inferInsert)["actorKind"];
  userId: string | null;
};

/** The profile fields a preference or consent change may touch, each audited in the ledger. */
export type AuditedField =
  | "emailNotifications"
  | "textMessages"
  | "textChannel"
  | "whatsappOptIn"
  | "appointmentReminders"
  | "phoneE164"
  | "timeZone"
  | "recordingConsent"
  | "transcriptionConsent"
  | "progressSharingConsent"
  | "careContactName"
  | "careContactRelationship"
  | "careContactEmail"
  | MatrixField
  | ReminderField
  | "textHoursStart"
  | "textHoursEnd";

export type FieldChanges = Partial<Pick<PatientProfile, AuditedField>>;

export class NotFoundError extends Error {}

const asLedgerValue = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

/**
 * Applies `changes` to one patient's profile and appends one ledger row per field that really changed,
 * inside the caller's transaction. Locks the row so concurrent saves of other fields never overwrite each other.
 */
export async function applyAuditedChanges(
  tx: Tx,
  input: {
    patientId: string;
    actor: LedgerActor;
    changes: FieldChanges;
    /** extra columns written with the change but not audited on their own (e.g. consent version and time) */
    alsoSet?: Partial<PatientProfile>;
    consentVersion?: string | null;
    requestHash?: string | null;
    /** a staff change on the patient's behalf: how the patient asked */
    requestMeans?: RequestMeans | null;
    /** record a row even when the value is unchanged (a consent given again to a new version of its text) */
    recordUnchanged?: boolean;
    signature?: { signedName: string; consentTextHash: string };
  },
): Promise<{ field: AuditedField; ledgerEntryId: number }[]> {
  const fields = Object.keys(input.changes) as AuditedField[];
  const [current] = await tx
    .select(Object.fromEntries(fields.map((field) => [field, patientProfiles[field]])))
    .from(patientProfiles)
    .where(eq(patientProfiles.userId, input.patientId))
    .for("update");
  if (!current) throw new NotFoundError("No such patient");

  const changed = input.recordUnchanged
    ? fields
    : fields.filter((field) => asLedgerValue(current[field]) !== asLedgerValue(input.changes[field]));
  if (changed.length === 0) return [];

  const update = Object.fromEntries(changed.map((field) => [field, input.changes[field]]));
  const updated = await tx
    .update(patientProfiles)
    .set({ ...update, ...input.alsoSet, updatedAt: sql`now()` })
    .where(and(eq(patientProfiles.userId, input.patientId)))
    .returning({ userId: patientProfiles.userId });
  if (updated.length === 0) throw new NotFoundError("No such patient");

  const rows = await tx
    .insert(preferenceLedger)
    .values(
      changed.map((field) => ({
        patientId: input.patientId,
        actorId: input.actor.userId,
        actorKind: input.actor.kind,
        field,
        oldValue: asLedgerValue(current[field]),
        newValue: asLedgerValue(input.changes[field]),
        consentVersion: input.consentVersion ?? null,
        requestHash: input.requestHash ?? null,
        requestMeans: input.requestMeans ?? null,
        signedName: input.signature?.signedName ?? null,
        consentTextHash: input.signature?.consentTextHash ?? null,
      })),
    )
    .returning({ id: preferenceLedger.id, field: preferenceLedger.field });
  return rows.map((row) => ({ field: row.field as AuditedField, ledgerEntryId: row.id }));
}

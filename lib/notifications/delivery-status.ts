import "server-only";
import { and, eq, isNull, or, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { notificationDeliveries, patientProfiles } from "@/db/schema";
import { applyAuditedChanges } from "@/lib/patients/ledger";
import { claimReceipt, type ReceiptSource } from "@/lib/twilio/receipts";
import {
  providerStatusRank,
  TWILIO_UNREACHABLE_CODES,
  TWILIO_UNSUBSCRIBED,
  type ProviderStatus,
} from "./provider-status";

export type ProviderReport = {
  receipt: { source: ReceiptSource; key: string };
  providerMessageId: string;
  status: ProviderStatus;
  /** the provider's error code (Twilio's ErrorCode, or Resend's bounce type) */
  errorCode?: string | null;
  /** the address or number the message went to, as the provider reports it */
  recipient?: string | null;
  now?: Date;
};

export type ReportOutcome = "replay" | "unknown_message" | "stale" | "updated";

/** The stored status's rank, computed in the update itself so two callbacks at once cannot both move it. */
const storedRank = sql`case ${notificationDeliveries.providerStatus} ${sql.raw(
  Object.entries(providerStatusRank)
    .map(([status, rank]) => `when '${status}' then ${rank}`)
    .join(" "),
)} else 0 end`;

/**
 * Records what a provider reported about one message, once per callback (by its receipt), and only forward: a late or
 * replayed `sent` never replaces `delivered`. Its effects (a complaint turns email off, a hard bounce flags the
 * address, 21610 turns texts off, an unreachable number is flagged) commit with it, so a replay repeats none of them.
 */
export async function recordProviderReport(db: Db, report: ProviderReport): Promise<ReportOutcome> {
  return db.transaction(async (tx) => {
    if (!(await claimReceipt(tx, report.receipt.source, report.receipt.key))) return "replay";
    const rank = providerStatusRank[report.status];
    const [updated] = await tx
      .update(notificationDeliveries)
      .set({
        providerStatus: report.status,
        providerStatusAt: report.now ?? new Date(),
        ...(report.errorCode ? { errorCode: report.errorCode } : {}),
      })
      .where(
        and(
          eq(notificationDeliveries.providerMessageId, report.providerMessageId),
          or(isNull(notificationDeliveries.providerStatus), sql`${storedRank} < ${rank}`),
        ),
      )
      .returning({ patientId: notificationDeliveries.patientId, channel: notificationDeliveries.channel });
    if (!updated) {
      const [known] = await tx
        .select({ id: notificationDeliveries.id })
        .from(notificationDeliveries)
        .where(eq(notificationDeliveries.providerMessageId, report.providerMessageId))
        .limit(1);
      return known ? "stale" : "unknown_message";
    }
    await applyEffects(tx, updated.patientId, report);
    return "updated";
  });
}

async function applyEffects(tx: Tx, patientId: string, report: ProviderReport): Promise<void> {
  const now = report.now ?? new Date();
  if (report.status === "complained") {
    await applyAuditedChanges(tx, {
      patientId,
      actor: { kind: "email_complaint", userId: null },
      changes: { emailNotifications: false },
    });
  } else if (report.status === "bounced" && report.recipient) {
    // The address that bounced: the banner shows while it is still the patient's (a care contact's never is).
    await tx
      .update(patientProfiles)
      .set({ emailBouncedAddress: report.recipient.toLowerCase(), emailBouncedAt: now })
      .where(eq(patientProfiles.userId, patientId));
  } else if (report.errorCode === TWILIO_UNSUBSCRIBED) {
    await applyAuditedChanges(tx, {
      patientId,
      actor: { kind: "twilio_unsubscribed", userId: null },
      changes: { textMessages: false },
    });
  } else if (report.errorCode && TWILIO_UNREACHABLE_CODES.has(report.errorCode) && report.recipient) {
    await tx
      .update(patientProfiles)
      .set({
        phoneUnreachableNumber: report.recipient.replace(/^whatsapp:/, ""),
        phoneUnreachableCode: report.errorCode,
      })
      .where(eq(patientProfiles.userId, patientId));
  }
}

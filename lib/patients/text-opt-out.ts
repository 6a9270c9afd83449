import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { inboundMessages, notificationDeliveries, patientProfiles } from "@/db/schema";
import { enqueueEvent } from "@/lib/events/outbox";
import { classifyInboundText, type TextIntent } from "@/lib/notifications/revocation-phrases";
import { claimReceipt, receiptSources } from "@/lib/twilio/receipts";
import { addBusinessDays, RESPONSE_BUSINESS_DAYS } from "./business-days";
import { applyAuditedChanges } from "./ledger";

/** Twilio's OptOutType when Advanced Opt-Out is on, else the phrase rules (lib/notifications/revocation-phrases). */
export function optOutIntent(params: { OptOutType?: string; Body?: string }): TextIntent {
  const type = params.OptOutType?.toUpperCase();
  if (type === "STOP") return "revoke";
  if (type === "START") return "resume";
  return classifyInboundText(params.Body ?? "");
}

export type InboundTextInput = { messageSid: string; from: string; body: string; intent: TextIntent; now?: Date };
export type InboundTextResult = {
  replay: boolean;
  changed: number;
  /** the confirmation text now due: one for the number, whichever of its patients' texts this turned off */
  confirmations: string[];
  /** the staff inbox entry, for a message that asked for neither */
  inboxId?: string;
};

/**
 * An inbound text, handled once by its MessageSid: the receipt, the change (profile and ledger rows), the confirmation
 * due and its outbox event, or the inbox entry, all commit in one transaction, so a replay, or a duplicate arriving at
 * the same moment, changes nothing. A second STOP finds texts already off: no ledger row and no second confirmation.
 */
export async function receiveInboundText(db: Db, text: InboundTextInput): Promise<InboundTextResult> {
  const source = text.intent === "other" ? receiptSources.inboundText : receiptSources.optOutText;
  const channel = text.from.startsWith("whatsapp:") ? "whatsapp" : "sms";
  const phone = text.from.replace(/^whatsapp:/, "");
  return db.transaction(async (tx) => {
    if (!(await claimReceipt(tx, source, text.messageSid))) return { replay: true, changed: 0, confirmations: [] };
    const patientIds = await patientsWithNumber(tx, phone);
    if (text.intent === "other") {
      const now = text.now ?? new Date();
      const [entry] = await tx
        .insert(inboundMessages)
        .values({
          messageSid: text.messageSid,
          patientId: patientIds[0] ?? null,
          channel,
          fromNumber: phone,
          body: text.body.slice(0, 1600),
          receivedAt: now,
          respondBy: addBusinessDays(now, RESPONSE_BUSINESS_DAYS),
        })
        .returning({ id: inboundMessages.id });
      return { replay: false, changed: 0, confirmations: [], inboxId: entry!.id };
    }
    const actor = { kind: channel === "whatsapp" ? "inbound_whatsapp" : "inbound_sms", userId: null } as const;
    let changed = 0;
    const confirmations: string[] = [];
    for (const patientId of patientIds) {
      const rows = await applyAuditedChanges(tx, {
        patientId,
        actor,
        changes: { textMessages: text.intent === "resume" },
      });
      changed += rows.length;
      // One confirmation per number: it names nobody, and the rule allows the number one text.
      if (text.intent === "revoke" && rows[0] && confirmations.length === 0)
        confirmations.push(await confirmationDue(tx, patientId, channel, rows[0].ledgerEntryId));
    }
    return { replay: false, changed, confirmations };
  });
}

/** Every patient with this number, in id order, so two messages for a shared number lock them in the same order. */
async function patientsWithNumber(tx: Tx, phone: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: patientProfiles.userId })
    .from(patientProfiles)
    .where(eq(patientProfiles.phoneE164, phone))
    .orderBy(asc(patientProfiles.userId));
  return rows.map((row) => row.userId);
}

/** The confirmation's delivery row, keyed by the ledger row that turned texts off: one revocation, one text. */
async function confirmationDue(
  tx: Tx,
  patientId: string,
  channel: "sms" | "whatsapp",
  ledgerEntryId: number,
): Promise<string> {
  const [row] = await tx
    .insert(notificationDeliveries)
    .values({
      deliveryKey: `revocation_confirmation:${ledgerEntryId}`,
      patientId,
      kind: "revocation_confirmation",
      channel,
      status: "pending",
    })
    .returning({ id: notificationDeliveries.id });
  await enqueueEvent(tx, { name: "portal/text-revocation.confirmation-due", data: { deliveryId: row!.id } });
  return row!.id;
}

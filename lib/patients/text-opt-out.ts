import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { patientProfiles } from "@/db/schema";
import { claimReceipt, receiptSources } from "@/lib/twilio/receipts";
import { applyAuditedChanges } from "./ledger";

const STOP_WORDS = new Set(["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE"]);
const START_WORDS = new Set(["START", "UNSTOP", "YES", "OPTIN"]);

/** Twilio's OptOutType when Advanced Opt-Out is on, else the keyword alone in the body. */
export function optOutIntent(params: { OptOutType?: string; Body?: string }): "stop" | "start" | null {
  const type = params.OptOutType?.toUpperCase();
  if (type === "STOP") return "stop";
  if (type === "START") return "start";
  const word = (params.Body ?? "").trim().toUpperCase();
  if (STOP_WORDS.has(word)) return "stop";
  if (START_WORDS.has(word)) return "start";
  return null;
}

/**
 * An inbound text, handled once by its MessageSid: the receipt and a STOP/START change (profile and ledger rows)
 * commit in one transaction, so a replay, or a duplicate arriving at the same moment, changes nothing.
 */
export async function receiveInboundText(
  db: Db,
  text: { messageSid: string; from: string; intent: "stop" | "start" | null },
): Promise<{ replay: boolean; changed: number }> {
  const source = text.intent ? receiptSources.optOutText : receiptSources.inboundText;
  return db.transaction(async (tx) => {
    if (!(await claimReceipt(tx, source, text.messageSid))) return { replay: true, changed: 0 };
    const changed = text.intent ? await applyTextOptOut(tx, text.from, text.intent) : 0;
    return { replay: false, changed };
  });
}

/** Turns texts off (STOP) or back on (START) for every patient with this number, with a ledger row each. */
async function applyTextOptOut(tx: Tx, fromNumber: string, intent: "stop" | "start"): Promise<number> {
  const phone = fromNumber.replace(/^whatsapp:/, "");
  // In id order, so two messages for a shared number lock the same profiles in the same order.
  const patients = await tx
    .select({ userId: patientProfiles.userId })
    .from(patientProfiles)
    .where(eq(patientProfiles.phoneE164, phone))
    .orderBy(asc(patientProfiles.userId));
  let changed = 0;
  for (const { userId } of patients) {
    const rows = await applyAuditedChanges(tx, {
      patientId: userId,
      actor: { kind: "sms_stop", userId: null },
      changes: { textMessages: intent === "start" },
    });
    changed += rows.length;
  }
  return changed;
}

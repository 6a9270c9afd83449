import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { patientProfiles } from "@/db/schema";
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

/** Turns texts off (STOP) or back on (START) for every patient with this number, with a ledger row each. */
export async function applyTextOptOut(db: Db, fromNumber: string, intent: "stop" | "start"): Promise<number> {
  const phone = fromNumber.replace(/^whatsapp:/, "");
  const patients = await db
    .select({ userId: patientProfiles.userId })
    .from(patientProfiles)
    .where(eq(patientProfiles.phoneE164, phone));
  let changed = 0;
  for (const { userId } of patients) {
    const rows = await db.transaction((tx) =>
      applyAuditedChanges(tx, {
        patientId: userId,
        actor: { kind: "sms_stop", userId: null },
        changes: { textMessages: intent === "start" },
      }),
    );
    changed += rows.length;
  }
  return changed;
}

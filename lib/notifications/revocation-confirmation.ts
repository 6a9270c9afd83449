import "server-only";
import { and, eq, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notificationDeliveries, patientProfiles } from "@/db/schema";
import { env, type ClinicDetails } from "@/lib/env";
import { ProviderError } from "./providers/errors";
import { sendText } from "./providers/text";

/** The rule allows one confirmation, sent within 5 minutes of the request (47 CFR 64.1200(a)(12)). */
export const CONFIRMATION_WINDOW_MS = 5 * 60_000;
/** A claim older than this belongs to an attempt that died; a retry may take it (still inside the window). */
const CLAIM_LEASE = sql.raw(`interval '60 seconds'`);

/** Nothing but how to resume and how to reach the clinic ("cancel" may have meant the visit). One SMS segment. */
export function confirmationBody(clinic: ClinicDetails, appUrl: string): string {
  const reach = clinic.phone ? `call ${clinic.phone}` : clinic.email ? `email ${clinic.email}` : `visit ${appUrl}`;
  return `${clinic.name}: texts are off. To restart, reply START or use Settings in the portal. About a visit? ${reach}.`;
}

export type ConfirmationOutcome = "sent" | "already_handled" | "window_passed" | "failed";

/**
 * Sends the confirmation of one revocation at most once: the row is claimed (attempts 0 → 1, or a dead attempt's claim
 * after its lease) before the provider is called, so the after-response send and the Inngest retry never both send.
 * This text bypasses the preference gate on purpose: texts are off by now, and the rule allows exactly this one.
 */
export async function sendRevocationConfirmation(
  db: Db,
  deliveryId: string,
  now = new Date(),
): Promise<ConfirmationOutcome> {
  const row = notificationDeliveries;
  const [claimed] = await db
    .update(row)
    .set({ attempts: sql`${row.attempts} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(row.id, deliveryId),
        eq(row.kind, "revocation_confirmation"),
        eq(row.status, "pending"),
        or(eq(row.attempts, 0), sql`${row.updatedAt} < now() - ${CLAIM_LEASE}`),
      ),
    )
    .returning({ attempts: row.attempts, createdAt: row.createdAt, channel: row.channel, patientId: row.patientId });
  if (!claimed) return "already_handled";
  const held = and(eq(row.id, deliveryId), eq(row.status, "pending"), eq(row.attempts, claimed.attempts));
  if (now.getTime() - claimed.createdAt.getTime() > CONFIRMATION_WINDOW_MS) {
    await db.update(row).set({ status: "skipped", reason: "window_passed" }).where(held);
    return "window_passed";
  }
  const [patient] = await db
    .select({ phone: patientProfiles.phoneE164 })
    .from(patientProfiles)
    .where(eq(patientProfiles.userId, claimed.patientId));
  if (!patient?.phone) {
    await db.update(row).set({ status: "skipped", reason: "no_phone" }).where(held);
    return "failed";
  }
  const { clinic, appUrl } = env();
  try {
    const result = await sendText({
      channel: claimed.channel === "whatsapp" ? "whatsapp" : "sms",
      to: patient.phone,
      body: confirmationBody(clinic, appUrl),
      kind: "revocation_confirmation",
    });
    await db
      .update(row)
      .set({ status: "sent", providerMessageId: result.providerMessageId, errorCode: null })
      .where(held);
    return "sent";
  } catch (error) {
    const code = error instanceof ProviderError ? error.code : "unexpected_error";
    const permanent = error instanceof ProviderError && error.permanent;
    if (!permanent) {
      // Released at once, so the Inngest retry (this throw) may claim it again while the window lasts.
      await db
        .update(row)
        .set({ errorCode: code, updatedAt: sql`now() - ${CLAIM_LEASE} - interval '1 second'` })
        .where(held);
      throw error;
    }
    await db.update(row).set({ status: "failed", reason: "permanent_error", errorCode: code }).where(held);
    return "failed";
  }
}

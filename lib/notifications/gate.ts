import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, clinicians, notificationDeliveries, patientProfiles, users, type NotificationDelivery } from "@/db/schema";
import { env } from "@/lib/env";
import { decide, type SkipReason } from "./decide";
import type { LogicalChannel, MessageKind } from "./kinds";
import { sendEmail } from "./providers/email";
import { ProviderError } from "./providers/errors";
import { sendText } from "./providers/text";
import { textBody, type MessageContext } from "./templates/content";
import { renderAppointmentEmail } from "./templates/render";
import { createUnsubscribeToken } from "./unsubscribe";

export type DeliveryRequest = { appointmentId: string; kind: MessageKind; channel: LogicalChannel; now?: Date };

export type DeliveryOutcome =
  | { outcome: "sent"; deliveryId: string; providerMessageId: string }
  | { outcome: "skipped"; deliveryId: string; reason: SkipReason }
  | { outcome: "failed"; deliveryId: string; errorCode: string }
  | { outcome: "duplicate"; deliveryId: string; status: NotificationDelivery["status"] }
  | { outcome: "not_due" };

/** A transient provider failure: the caller (an Inngest step) retries, and the retry re-claims the same row. */
export class TransientDeliveryError extends Error {}

/** Current rows, read in one query at the moment of sending. */
async function loadFresh(db: Db, appointmentId: string) {
  const [row] = await db
    .select({
      patientId: appointments.patientId,
      status: appointments.status,
      startsAt: appointments.startsAt,
      durationMinutes: appointments.durationMinutes,
      modality: appointments.modality,
      createdAt: appointments.createdAt,
      clinicianName: clinicians.displayName,
      email: users.email,
      firstName: patientProfiles.firstName,
      timeZone: patientProfiles.timeZone,
      phoneE164: patientProfiles.phoneE164,
      emailNotifications: patientProfiles.emailNotifications,
      textMessages: patientProfiles.textMessages,
      textChannel: patientProfiles.textChannel,
      whatsappOptIn: patientProfiles.whatsappOptIn,
      appointmentReminders: patientProfiles.appointmentReminders,
    })
    .from(appointments)
    .innerJoin(patientProfiles, eq(patientProfiles.userId, appointments.patientId))
    .innerJoin(users, eq(users.id, appointments.patientId))
    .innerJoin(clinicians, eq(clinicians.userId, appointments.clinicianId))
    .where(eq(appointments.id, appointmentId));
  return row;
}

/**
 * The one gate every appointment message passes through (DESIGN.md, invariant 1): reads current preferences and
 * the appointment now, decides, claims the delivery key once, renders from fresh rows, sends, records the outcome.
 */
export async function deliver(db: Db, request: DeliveryRequest): Promise<DeliveryOutcome> {
  const now = request.now ?? new Date();
  const fresh = await loadFresh(db, request.appointmentId);
  if (!fresh) throw new Error(`Appointment ${request.appointmentId} not found`);
  const decision = decide({ kind: request.kind, channel: request.channel, now, patient: fresh, appointment: fresh });
  if (decision.action === "wait") return { outcome: "not_due" };

  // Texts share one key whatever their channel, so switching SMS/WhatsApp between retries cannot send twice.
  const deliveryKey = `${request.appointmentId}:${request.kind}:${request.channel}:${fresh.startsAt.toISOString()}`;
  const base = {
    deliveryKey,
    patientId: fresh.patientId,
    appointmentId: request.appointmentId,
    appointmentStartsAt: fresh.startsAt,
    kind: request.kind,
    channel: decision.channel,
  };

  if (decision.action === "skip") {
    const [row] = await db
      .insert(notificationDeliveries)
      .values({ ...base, status: "skipped", reason: decision.reason })
      .onConflictDoNothing()
      .returning({ id: notificationDeliveries.id });
    return row ? { outcome: "skipped", deliveryId: row.id, reason: decision.reason } : duplicateOf(db, deliveryKey);
  }

  const claimed = await claim(db, base);
  if ("outcome" in claimed) return claimed;

  const recipient = decision.channel === "email" ? fresh.email : fresh.phoneE164!;
  const appUrl = env().appUrl ?? "http://localhost:3000";
  const unsubscribeToken = createUnsubscribeToken(fresh.patientId, now);
  const context: MessageContext = {
    kind: request.kind,
    firstName: fresh.firstName,
    clinicianName: fresh.clinicianName,
    startsAt: fresh.startsAt,
    timeZone: fresh.timeZone,
    modality: fresh.modality,
    portalUrl: `${appUrl}/appointments`,
    visitUrl: `${appUrl}/visit/${request.appointmentId}`,
    unsubscribeUrl: `${appUrl}/unsubscribe?token=${unsubscribeToken}`,
  };
  // RFC 8058 one-click: mail clients POST to this URL without opening the portal.
  const unsubscribeHeaders = {
    "List-Unsubscribe": `<${appUrl}/api/unsubscribe?token=${unsubscribeToken}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
  try {
    const result =
      decision.channel === "email"
        ? await sendEmail({ to: recipient, ...(await renderAppointmentEmail(context)), headers: unsubscribeHeaders, idempotencyKey: deliveryKey })
        : await sendText({ channel: decision.channel, to: recipient, body: textBody(context, decision.channel), kind: request.kind });
    await db
      .update(notificationDeliveries)
      .set({ status: "sent", providerMessageId: result.providerMessageId, errorCode: null })
      .where(eq(notificationDeliveries.id, claimed.id));
    return { outcome: "sent", deliveryId: claimed.id, providerMessageId: result.providerMessageId };
  } catch (error) {
    const code = error instanceof ProviderError ? error.code : "unexpected_error";
    const permanent = error instanceof ProviderError && error.permanent;
    await db
      .update(notificationDeliveries)
      .set({ status: "failed", errorCode: code, reason: permanent ? "permanent_error" : "transient_error" })
      .where(eq(notificationDeliveries.id, claimed.id));
    if (!permanent) throw new TransientDeliveryError(`${request.kind} ${decision.channel} failed transiently (${code})`);
    return { outcome: "failed", deliveryId: claimed.id, errorCode: code };
  }
}

/** Claims the key: a new row, or an earlier transient failure taken back atomically so only one retry sends. */
async function claim(db: Db, values: typeof notificationDeliveries.$inferInsert): Promise<{ id: string } | DeliveryOutcome> {
  const [inserted] = await db
    .insert(notificationDeliveries)
    .values({ ...values, status: "pending", attempts: 1 })
    .onConflictDoNothing()
    .returning({ id: notificationDeliveries.id });
  if (inserted) return inserted;
  const [retaken] = await db
    .update(notificationDeliveries)
    .set({ status: "pending", attempts: sql`${notificationDeliveries.attempts} + 1`, reason: null })
    .where(
      and(
        eq(notificationDeliveries.deliveryKey, values.deliveryKey),
        eq(notificationDeliveries.status, "failed"),
        eq(notificationDeliveries.reason, "transient_error"),
      ),
    )
    .returning({ id: notificationDeliveries.id });
  return retaken ?? duplicateOf(db, values.deliveryKey);
}

async function duplicateOf(db: Db, deliveryKey: string): Promise<DeliveryOutcome> {
  const [existing] = await db
    .select({ id: notificationDeliveries.id, status: notificationDeliveries.status })
    .from(notificationDeliveries)
    .where(eq(notificationDeliveries.deliveryKey, deliveryKey));
  return { outcome: "duplicate", deliveryId: existing!.id, status: existing!.status };
}

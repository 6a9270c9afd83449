import "server-only";
import { and, eq, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notificationDeliveries, type NotificationDelivery } from "@/db/schema";
import { env } from "@/lib/env";
import { applyAuditedChanges } from "@/lib/patients/ledger";
import type { SkipReason } from "./decide";
import { sendEmail } from "./providers/email";
import { TWILIO_UNSUBSCRIBED } from "./provider-status";
import { ProviderError } from "./providers/errors";
import { sendText } from "./providers/text";
import { prepareAppointmentMessage, type AppointmentDeliveryRequest } from "./subjects/appointment";
import { prepareProgressMessage, type ProgressDeliveryRequest } from "./subjects/progress";
import type { PrepareOptions, PreparedDelivery } from "./subjects/types";
import type { Channel } from "./kinds";

export type DeliveryRequest = AppointmentDeliveryRequest | ProgressDeliveryRequest;

export type DeliveryOutcome =
  /** `unrecorded`: the provider accepted it but the outcome could not be written yet; record it with `recordSent`. */
  | { outcome: "sent"; deliveryId: string; providerMessageId: string | null; unrecorded?: AcceptedSend }
  | { outcome: "skipped"; deliveryId: string; reason: SkipReason }
  | { outcome: "failed"; deliveryId: string; errorCode: string }
  | { outcome: "duplicate"; deliveryId: string; status: NotificationDelivery["status"] }
  /** a text inside quiet hours, recorded as deferred: deliver it again at `until` */
  | { outcome: "deferred"; deliveryId: string; until: Date }
  | { outcome: "not_due" };

/** A transient provider failure: the caller (an Inngest step) retries, and the retry re-claims the same row. */
export class TransientDeliveryError extends Error {}

/**
 * How long a claim may stay `pending` before it is taken to belong to an attempt that died mid-send (a crash, a
 * deploy). Far longer than a send takes; short enough that a retry still lands inside a reminder's window.
 */
export const CLAIM_LEASE_MS = 5 * 60_000;

/** The key is claimed by an attempt that may still be sending: retry once its lease has run out, not before. */
export class DeliveryInFlightError extends TransientDeliveryError {
  constructor(
    message: string,
    readonly retryAt: Date,
  ) {
    super(message);
  }
}

/**
 * The one gate every message to a patient or their care contact passes through (DESIGN.md, invariant 1): reads the
 * current preferences, consent and subject now, decides, claims the delivery key once, composes from fresh rows,
 * sends, and records the outcome.
 */
export async function deliver(db: Db, request: DeliveryRequest): Promise<DeliveryOutcome> {
  const now = request.now ?? new Date();
  const { appUrl, notificationPolicy: policy } = env();
  // Under frequency caps a text is counted and claimed under the patient's row lock, in one transaction: two texts
  // decided at once cannot both pass a cap of one (the first's pending claim is counted by the second).
  const capped = policy.textCaps !== null && request.channel === "text";
  const claimed = capped
    ? await db.transaction((tx) => decideAndClaim(tx, request, now, { appUrl, policy, lock: true }))
    : await decideAndClaim(db, request, now, { appUrl, policy, lock: false });
  return "outcome" in claimed ? claimed : sendClaimed(db, claimed);
}

type ClaimedSend = Claim & {
  claimedAt: Date;
  channel: Channel;
  base: typeof notificationDeliveries.$inferInsert;
  compose: Extract<PreparedDelivery, { record: unknown }>["compose"];
};

/** Reads the rows, decides, and records a skip or a deferral, or claims the key for a send. */
async function decideAndClaim(
  db: Db,
  request: DeliveryRequest,
  now: Date,
  options: PrepareOptions,
): Promise<DeliveryOutcome | ClaimedSend> {
  const prepared =
    "progressNoteId" in request
      ? await prepareProgressMessage(db, request, now, options)
      : await prepareAppointmentMessage(db, request, now, options);
  if (prepared.decision.action === "wait") return { outcome: "not_due" };
  const { decision, record, compose } = prepared as Extract<PreparedDelivery, { record: unknown }>;
  const base = { ...record, channel: decision.channel };

  if (decision.action === "skip" || decision.action === "defer") {
    // A retry after a transient failure that is now refused (consent withdrawn, appointment cancelled) records why;
    // a deferred text waits as a row of its own, so the reminder scan does not find it again.
    const outcome =
      decision.action === "skip"
        ? { status: "skipped" as const, reason: decision.reason, scheduledFor: undefined }
        : { status: "deferred" as const, reason: null, scheduledFor: decision.until };
    const [row] = await db
      .insert(notificationDeliveries)
      .values({ ...base, ...outcome })
      .onConflictDoUpdate({
        target: notificationDeliveries.deliveryKey,
        set: { ...outcome, channel: decision.channel, errorCode: null },
        setWhere: retakable(),
      })
      .returning({ id: notificationDeliveries.id });
    if (!row) return duplicateOf(db, base.deliveryKey);
    return decision.action === "skip"
      ? { outcome: "skipped", deliveryId: row.id, reason: decision.reason }
      : { outcome: "deferred", deliveryId: row.id, until: decision.until };
  }

  const claimed = await claim(db, { ...base, sentAt: now });
  if ("outcome" in claimed) return claimed;
  return { ...claimed, channel: decision.channel, base, compose };
}

/** Composes from the rows read, sends through the provider and records the outcome; the claim is already committed. */
async function sendClaimed(db: Db, claimed: ClaimedSend): Promise<DeliveryOutcome> {
  const { base } = claimed;
  let providerMessageId: string | null;
  try {
    const outgoing = await claimed.compose(claimed.channel, claimed.claimedAt, db);
    const result =
      outgoing.channel === "email"
        ? await sendEmail({
            to: outgoing.to,
            ...outgoing.email,
            headers: outgoing.headers,
            attachments: outgoing.attachments,
            idempotencyKey: base.deliveryKey,
          })
        : await sendText({
            channel: outgoing.channel,
            to: outgoing.to,
            body: outgoing.body,
            kind: base.kind,
            variables: outgoing.variables,
          });
    providerMessageId = result.providerMessageId;
  } catch (error) {
    const code = error instanceof ProviderError ? error.code : "unexpected_error";
    const permanent = error instanceof ProviderError && error.permanent;
    await db.transaction(async (tx) => {
      const [failed] = await tx
        .update(notificationDeliveries)
        .set({ status: "failed", errorCode: code, reason: permanent ? "permanent_error" : "transient_error" })
        .where(stillClaimedBy(claimed))
        .returning({ id: notificationDeliveries.id });
      // Twilio refuses a send to a number that replied STOP (21610) on the create call itself: that is the patient's
      // revocation too (a STOP sent to another of the clinic's numbers, or a missed inbound webhook), so texts go off
      // with a ledger row, exactly as when the status callback reports it.
      if (failed && code === TWILIO_UNSUBSCRIBED && claimed.channel !== "email" && base.patientId)
        await applyAuditedChanges(tx, {
          patientId: base.patientId,
          actor: { kind: "twilio_unsubscribed", userId: null },
          changes: { textMessages: false },
        });
    });
    if (!permanent) throw new TransientDeliveryError(`${base.kind} ${claimed.channel} failed transiently (${code})`);
    return { outcome: "failed", deliveryId: claimed.id, errorCode: code };
  }

  // The provider accepted it: from here on it must never be sent again, whatever happens to the outcome write.
  const accepted: AcceptedSend = { deliveryId: claimed.id, attempts: claimed.attempts, providerMessageId };
  try {
    await withRetries(() => recordSent(db, accepted));
    return { outcome: "sent", deliveryId: claimed.id, providerMessageId };
  } catch {
    // The caller records it in a step of its own (retried by Inngest), never by sending again.
    return { outcome: "sent", deliveryId: claimed.id, providerMessageId, unrecorded: accepted };
  }
}

/**
 * A deferred text whose wake found its visit at another time (a new delivery key, or not yet due): the row for the old
 * time is closed as superseded, so it is not shown waiting for ever; one still deferred after the last wake is closed as
 * quiet_hours. A row already taken by another attempt is left.
 */
export async function retireDeferred(
  db: Db,
  deliveryId: string,
  reason: "superseded" | "quiet_hours" = "superseded",
): Promise<void> {
  await db
    .update(notificationDeliveries)
    .set({ status: "skipped", reason })
    .where(and(eq(notificationDeliveries.id, deliveryId), eq(notificationDeliveries.status, "deferred")));
}

/** A send the provider accepted, identified by the claim that made it. */
export type AcceptedSend = { deliveryId: string; attempts: number; providerMessageId: string | null };

/** Records an accepted send as `sent`, if the claim that made it still holds the row. */
export async function recordSent(db: Db, accepted: AcceptedSend): Promise<void> {
  await db
    .update(notificationDeliveries)
    .set({ status: "sent", providerMessageId: accepted.providerMessageId, errorCode: null })
    .where(stillClaimedBy({ id: accepted.deliveryId, attempts: accepted.attempts }));
}

/** A few quick retries for a blip in the database (a failover, a dropped connection): 0.1 s, 0.4 s, 1.6 s. */
async function withRetries(write: () => Promise<void>, delays = [100, 400, 1600]): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= delays.length) throw error;
      await new Promise((resolve) => setTimeout(resolve, delays[attempt]));
    }
  }
}

const leaseInterval = sql.raw(`interval '${CLAIM_LEASE_MS / 1000} seconds'`);

/**
 * What a retry may take back: a deferred text, an earlier transient failure, or a claim whose attempt died before recording an outcome
 * (pending past its lease). Email then goes again with the same Idempotency-Key, so Resend delivers it once; a text
 * whose attempt died after Twilio accepted it and before the outcome was written would go twice (Twilio has no
 * idempotency), a window of one provider call.
 */
const retakable = () =>
  or(
    eq(notificationDeliveries.status, "deferred"),
    and(eq(notificationDeliveries.status, "failed"), eq(notificationDeliveries.reason, "transient_error")),
    // The database's clock on both sides of the lease, so app servers' clocks cannot shorten or stretch it.
    and(
      eq(notificationDeliveries.status, "pending"),
      lt(notificationDeliveries.updatedAt, sql`now() - ${leaseInterval}`),
    ),
  );

type Claim = { id: string; attempts: number };

/**
 * An outcome is written only by the attempt that holds the claim: one that outlived its lease, and lost the row to a
 * retry, must not overwrite what that retry recorded.
 */
const stillClaimedBy = (claim: Claim) =>
  and(
    eq(notificationDeliveries.id, claim.id),
    eq(notificationDeliveries.status, "pending"),
    eq(notificationDeliveries.attempts, claim.attempts),
  );

/** Claims the key: a new row, or a retakable one taken back atomically so only one attempt sends. */
async function claim(
  db: Db,
  values: typeof notificationDeliveries.$inferInsert,
): Promise<(Claim & { claimedAt: Date }) | DeliveryOutcome> {
  const claimedColumns = {
    id: notificationDeliveries.id,
    claimedAt: notificationDeliveries.createdAt,
    attempts: notificationDeliveries.attempts,
  };
  const [inserted] = await db
    .insert(notificationDeliveries)
    .values({ ...values, status: "pending", attempts: 1 })
    .onConflictDoNothing()
    .returning(claimedColumns);
  if (inserted) return inserted;
  const [retaken] = await db
    .update(notificationDeliveries)
    // The channel as chosen now: a patient who switched SMS to WhatsApp since the failed attempt gets WhatsApp, recorded so.
    .set({
      status: "pending",
      channel: values.channel,
      attempts: sql`${notificationDeliveries.attempts} + 1`,
      reason: null,
      sentAt: values.sentAt,
      updatedAt: sql`now()`,
    })
    .where(and(eq(notificationDeliveries.deliveryKey, values.deliveryKey), retakable()))
    .returning(claimedColumns);
  return retaken ?? duplicateOf(db, values.deliveryKey);
}

/** The key's decided outcome; a claim still within its lease is not an outcome yet, so the caller retries later. */
async function duplicateOf(db: Db, deliveryKey: string): Promise<DeliveryOutcome> {
  const [existing] = await db
    .select({
      id: notificationDeliveries.id,
      status: notificationDeliveries.status,
      // What is left of the lease by the database's clock; the retry time is then set on this server's clock.
      leaseLeftMs:
        sql<number>`greatest(0, extract(epoch from (${notificationDeliveries.updatedAt} + ${leaseInterval} - now())) * 1000)`.mapWith(
          Number,
        ),
    })
    .from(notificationDeliveries)
    .where(eq(notificationDeliveries.deliveryKey, deliveryKey));
  if (existing!.status === "pending") {
    const retryAt = new Date(Date.now() + existing!.leaseLeftMs + 1000);
    throw new DeliveryInFlightError(
      `delivery ${existing!.id} is claimed by another attempt; retry after ${retryAt.toISOString()}`,
      retryAt,
    );
  }
  return { outcome: "duplicate", deliveryId: existing!.id, status: existing!.status };
}

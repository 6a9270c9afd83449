import "server-only";
import { and, count, inArray, isNull, lt, min, sql } from "drizzle-orm";
import { executeRows, type Db, type Tx } from "@/db/client";
import { eventOutbox } from "@/db/schema";
import { outboxEvents, type OutboxEventInput } from "./contract";

/** An event as published: the outbox row's id is the event id, so a re-publish is one event to Inngest. */
export type PublishedEvent = { id: string; name: string; data: Record<string, unknown>; ts: number };

/** The publishing port: inngest/ implements it (lib/ never imports inngest/). Throws if the events were not taken. */
export type EventPublisher = (events: PublishedEvent[]) => Promise<void>;

/** Inngest's per-request limits are 5,000 events and 512 kB (256 kB on the free tier): stay well inside both. */
export const RELAY_BATCH_EVENTS = 500;
export const RELAY_BATCH_BYTES = 256 * 1024;
/** How long a relay holds the rows it is publishing; another relay skips them meanwhile. */
const CLAIM_SECONDS = 60;
/** Backoff after a failed publish: 5 s, 10 s, 20 s, … at most a minute (a withdrawal must not wait long). */
const backoffSeconds = sql`least(60, 5 * power(2, least(${eventOutbox.attempts}, 6)))`;
/** Unpublished for longer than this, a row is shown to admins and counted in the relay's log line. */
export const STALE_AFTER_MS = 10 * 60_000;

/**
 * Puts an event in the outbox inside the caller's transaction: it exists exactly when the change it announces does.
 * The payload is validated against the contract, so no PHI can ride along (ids only).
 */
export async function enqueueEvent(tx: Tx | Db, event: OutboxEventInput): Promise<string> {
  const definition = outboxEvents.find((candidate) => candidate.name === event.name)!;
  const data = definition.data.parse(event.data) as Record<string, unknown>;
  const [row] = await tx.insert(eventOutbox).values({ name: event.name, data }).returning({ id: eventOutbox.id });
  return row!.id;
}

export type RelayResult = { published: number; failed: number; batches: number };

/** Splits claimed rows into requests of at most RELAY_BATCH_EVENTS events and RELAY_BATCH_BYTES of JSON. */
export function toBatches(events: PublishedEvent[]): PublishedEvent[][] {
  const batches: PublishedEvent[][] = [];
  let current: PublishedEvent[] = [];
  let bytes = 2;
  for (const event of events) {
    const size = Buffer.byteLength(JSON.stringify(event)) + 1;
    if (current.length > 0 && (current.length >= RELAY_BATCH_EVENTS || bytes + size > RELAY_BATCH_BYTES)) {
      batches.push(current);
      current = [];
      bytes = 2;
    }
    current.push(event);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * Publishes due outbox rows, oldest first, in batches within Inngest's limits. Rows are claimed with SKIP LOCKED and a
 * short lease, so the after-response relay and the cron never publish the same row at once. On a failed request the
 * rest wait with backoff: the event API is down, and the next relay tries again.
 */
export async function relayOutbox(db: Db, publish: EventPublisher, { maxRows = 5000 } = {}): Promise<RelayResult> {
  const result: RelayResult = { published: 0, failed: 0, batches: 0 };
  while (result.published + result.failed < maxRows) {
    const claimed = await claimDue(db, Math.min(RELAY_BATCH_EVENTS, maxRows - result.published - result.failed));
    if (claimed.length === 0) break;
    const batches = toBatches(claimed);
    for (const [index, batch] of batches.entries()) {
      try {
        await publish(batch);
      } catch (error) {
        const unpublished = batches
          .slice(index)
          .flat()
          .map((event) => event.id);
        await markFailed(db, unpublished, describeError(error));
        result.failed += unpublished.length;
        return result;
      }
      await db
        .update(eventOutbox)
        .set({ publishedAt: sql`now()`, claimedUntil: null, lastError: null })
        .where(
          inArray(
            eventOutbox.id,
            batch.map((event) => event.id),
          ),
        );
      result.published += batch.length;
      result.batches += 1;
    }
  }
  return result;
}

async function claimDue(db: Db, limit: number): Promise<PublishedEvent[]> {
  type Row = { id: string; name: string; data: Record<string, unknown> | string; created_at: string | Date };
  const rows = await executeRows<Row>(
    db,
    sql`
    update event_outbox set claimed_until = now() + make_interval(secs => ${CLAIM_SECONDS})
    where id in (
      select id from event_outbox
      where published_at is null and next_attempt_at <= now() and (claimed_until is null or claimed_until < now())
      order by created_at
      limit ${limit}
      for update skip locked
    )
    returning id, name, data, created_at`,
  );
  return rows
    .map((row) => ({
      id: row.id,
      name: row.name,
      data: typeof row.data === "string" ? (JSON.parse(row.data) as Record<string, unknown>) : row.data,
      ts: new Date(row.created_at).getTime(),
    }))
    .sort((a, b) => a.ts - b.ts);
}

async function markFailed(db: Db, ids: string[], lastError: string): Promise<void> {
  await db
    .update(eventOutbox)
    .set({
      attempts: sql`${eventOutbox.attempts} + 1`,
      nextAttemptAt: sql`now() + ${backoffSeconds} * interval '1 second'`,
      claimedUntil: null,
      lastError,
    })
    .where(inArray(eventOutbox.id, ids));
}

/** An error's name and any HTTP status it reports, never the rest of its message (which could quote a payload). */
function describeError(error: unknown): string {
  const name = error instanceof Error ? error.name : "UnknownError";
  const status =
    (error as { status?: unknown }).status ??
    /\b(?:API Error|status):? ([1-5]\d\d)\b/i.exec(String((error as Error)?.message))?.[1];
  const code = (error as { cause?: { code?: unknown } }).cause?.code;
  return [name, status, typeof code === "string" ? code : undefined].filter(Boolean).join(" ");
}

export type OutboxHealth = { pending: number; stale: number; oldestStaleAt: Date | null; lastError: string | null };

/** What the admin panel and the relay's log line report: rows waiting, and those waiting over ten minutes. */
export async function outboxHealth(db: Db, now = new Date()): Promise<OutboxHealth> {
  const staleBefore = new Date(now.getTime() - STALE_AFTER_MS);
  const [pending] = await db.select({ n: count() }).from(eventOutbox).where(isNull(eventOutbox.publishedAt));
  const [stale] = await db
    .select({
      n: count(),
      oldest: min(eventOutbox.createdAt),
      lastError: sql<string | null>`max(${eventOutbox.lastError})`,
    })
    .from(eventOutbox)
    .where(and(isNull(eventOutbox.publishedAt), lt(eventOutbox.createdAt, staleBefore)));
  return {
    pending: pending!.n,
    stale: stale!.n,
    oldestStaleAt: stale!.oldest ? new Date(stale!.oldest) : null,
    lastError: stale!.lastError,
  };
}

/** Published rows are kept a week for the record (and Inngest's 24 h de-duplication), then deleted. */
export async function pruneOutbox(db: Db, now = new Date(), keepDays = 7): Promise<number> {
  const rows = await db
    .delete(eventOutbox)
    .where(lt(eventOutbox.publishedAt, new Date(now.getTime() - keepDays * 86_400_000)))
    .returning({ id: eventOutbox.id });
  return rows.length;
}

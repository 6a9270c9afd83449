import { randomUUID } from "node:crypto";
import { count, isNull } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { eventOutbox } from "@/db/schema";
import { relayOutboxNow } from "@/inngest/relay";
import { receivedEvents } from "@/testing/fakes/inngest-fake";
import { resetFakes, setUpFakes } from "@/testing/fixtures";
import { enqueueEvent, outboxHealth, RELAY_BATCH_BYTES, RELAY_BATCH_EVENTS, relayOutbox, toBatches } from "./outbox";

const fakes = setUpFakes();
beforeEach(async () => {
  resetFakes(fakes);
  await db().delete(eventOutbox);
});

/** A backlog written straight into the outbox, as many domain writes during an outage would leave it. */
async function backlog(size: number) {
  const rows = Array.from({ length: size }, (_, i) => ({
    name: "portal/appointment.booked",
    data: { appointmentId: randomUUID() },
    createdAt: new Date(Date.now() - (size - i) * 10),
  }));
  for (let offset = 0; offset < rows.length; offset += 1000)
    await db()
      .insert(eventOutbox)
      .values(rows.slice(offset, offset + 1000));
}
const eventRequests = () => fakes.inngest.requests.filter((request) => request.path.startsWith("/e/"));

describe("the event outbox", () => {
  it("refuses a payload beyond the contract's ids, so nothing else can ride along", async () => {
    await expect(
      enqueueEvent(db(), { name: "portal/appointment.booked", data: { appointmentId: "not-a-uuid" } }),
    ).rejects.toThrow();
    const extra = { appointmentId: randomUUID(), firstName: "Ada" } as unknown as { appointmentId: string };
    await enqueueEvent(db(), { name: "portal/appointment.booked", data: extra });
    const [row] = await db().select().from(eventOutbox);
    expect(row!.data).toEqual({ appointmentId: extra.appointmentId });
  });

  it("a backlog above 5,000 goes out in requests within Inngest's limits, oldest first, each event once", async () => {
    await backlog(5001);
    const result = await relayOutboxNow();
    expect(result).toMatchObject({ published: 5000, failed: 0 });
    // The rest in the next run (the cron's), still within the limits.
    expect(await relayOutboxNow()).toMatchObject({ published: 1 });
    const requests = eventRequests();
    expect(requests.length).toBe(11);
    for (const request of requests) {
      expect((request.parsed as unknown[]).length).toBeLessThanOrEqual(RELAY_BATCH_EVENTS);
      expect(Buffer.byteLength(request.body)).toBeLessThanOrEqual(RELAY_BATCH_BYTES);
    }
    const published = receivedEvents(requests) as unknown as { id: string; ts: number }[];
    expect(new Set(published.map((event) => event.id)).size).toBe(5001);
    expect(published.every((event, i) => i === 0 || event.ts >= published[i - 1]!.ts)).toBe(true);
    const [left] = await db().select({ n: count() }).from(eventOutbox).where(isNull(eventOutbox.publishedAt));
    expect(left!.n).toBe(0);
  });

  it("splits by bytes as well as by count", () => {
    const big = Array.from({ length: 300 }, (_, i) => ({
      id: `${i}`,
      name: "portal/x",
      data: { pad: "x".repeat(1500) },
      ts: i,
    }));
    const batches = toBatches(big);
    expect(batches.length).toBeGreaterThan(1);
    for (const batch of batches)
      expect(Buffer.byteLength(JSON.stringify(batch))).toBeLessThanOrEqual(RELAY_BATCH_BYTES);
    expect(batches.flat()).toHaveLength(300);
  });

  it("the after-response relay racing the cron publishes every row exactly once", async () => {
    await backlog(1200);
    // On PostgreSQL these run on separate connections at once; PGlite serializes them (the result must hold either way).
    const [first, second] = await Promise.all([relayOutboxNow(), relayOutboxNow()]);
    expect(first.published + second.published).toBe(1200);
    const ids = receivedEvents(eventRequests()).map((event) => event.id);
    expect(ids).toHaveLength(1200);
    expect(new Set(ids).size).toBe(1200);
  });

  it("an outage fails the batch with backoff; nothing is lost and admins see rows waiting over 10 minutes", async () => {
    await backlog(3);
    const publishes: number[] = [];
    const down = async (events: unknown[]) => {
      publishes.push(events.length);
      throw Object.assign(new Error("Inngest API Error: 503 unavailable"), {});
    };
    expect(await relayOutbox(db(), down)).toEqual({ published: 0, failed: 3, batches: 0 });
    // Inside the backoff nothing is retried, so a down API is not hammered every request.
    expect(await relayOutbox(db(), down)).toEqual({ published: 0, failed: 0, batches: 0 });
    expect(publishes).toEqual([3]);
    const rows = await db().select().from(eventOutbox);
    expect(
      rows.every((row) => row.attempts === 1 && row.lastError === "Error 503" && row.nextAttemptAt > new Date()),
    ).toBe(true);
    const later = await outboxHealth(db(), new Date(Date.now() + 11 * 60_000));
    expect(later).toMatchObject({ pending: 3, stale: 3, lastError: "Error 503" });
    expect(await outboxHealth(db())).toMatchObject({ pending: 3, stale: 0 });
  });
});

import { count, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notificationDeliveries } from "@/db/schema";
import { deliver, type DeliveryOutcome } from "@/lib/notifications/gate";
import { logicalChannels } from "@/lib/notifications/kinds";
import { findDueReminders } from "@/lib/notifications/reminder-scan";
import type { Figure } from "../support/figures";
import { round, runPool, spread, timed } from "../support/stats";
import { prepareDispatchDatabase } from "./dataset";
import { startProviderFakes } from "./providers";

const RUNS = 3;
// 5,000 due (appointment, 24 h reminder) pairs, each offered on email and text as send-reminder does: 10,000 messages.
const APPOINTMENTS = 5_000;
const REMINDERS = APPOINTMENTS * logicalChannels.length;
const LATENCY_MS = 50;
// Messages in flight at once, as Inngest workers calling send-reminder would have; the pool stays the app's 10.
const CONCURRENCY = 64;
const REPLAYED = 500;

type Tally = Record<DeliveryOutcome["outcome"], number>;
const tally = (outcomes: DeliveryOutcome[]) =>
  outcomes.reduce<Tally>((sum, result) => ({ ...sum, [result.outcome]: sum[result.outcome] + 1 }), {
    sent: 0,
    skipped: 0,
    failed: 0,
    duplicate: 0,
    not_due: 0,
    deferred: 0,
  });

/** 10,000 reminders through deliver(): decision, key claim, render, provider call over HTTP, outcome write. */
export async function measureDispatch(log: (line: string) => void): Promise<Figure> {
  let counting = false;
  let queries = 0;
  const handle = await prepareDispatchDatabase(APPOINTMENTS, { onQuery: () => counting && queries++ });
  const db: Db = handle.db;
  const providers = await startProviderFakes(LATENCY_MS);
  try {
    const rates: number[] = [];
    const floorRates: number[] = [];
    const roundTrips: number[] = [];
    let last = { outcomes: tally([]), rows: 0, received: providers.received(), sentRows: 0 };
    let tasks: (() => Promise<DeliveryOutcome>)[] = [];
    for (let run = 0; run < RUNS; run++) {
      await db.execute(sql`truncate notification_deliveries`);
      providers.reset();
      // The work list is the cron's own scan, so the bench sends exactly what production would find due.
      const due = await findDueReminders(db, new Date(), REMINDERS);
      if (due.length !== APPOINTMENTS)
        throw new Error(`expected ${APPOINTMENTS} due reminders, the scan found ${due.length}`);
      tasks = due.flatMap((pair) =>
        logicalChannels.map(
          (channel) => () => deliver(db, { appointmentId: pair.appointmentId, kind: pair.kind, channel }),
        ),
      );

      queries = 0;
      counting = true;
      const sent = await timed(() => runPool(tasks, CONCURRENCY));
      counting = false;
      rates.push(REMINDERS / (sent.ms / 1000));
      roundTrips.push(queries / REMINDERS);

      const [rows] = await db.select({ n: count() }).from(notificationDeliveries);
      const [sentRows] = await db
        .select({ n: count() })
        .from(notificationDeliveries)
        .where(sql`status = 'sent'`);
      last = { outcomes: tally(sent.result), rows: rows!.n, received: providers.received(), sentRows: sentRows!.n };
      log(
        `dispatch run ${run + 1}: ${Math.round(rates.at(-1)!)} reminders/s, ${roundTrips.at(-1)!.toFixed(2)} round trips each`,
      );

      // Floor: the same number of bare delivery-row inserts, same pool and concurrency, no gate and no provider.
      const template = {
        patientId: "bench-patient-1",
        kind: "reminder_24h" as const,
        channel: "email" as const,
        status: "sent" as const,
      };
      const inserts = Array.from(
        { length: REMINDERS },
        (_, i) => () => db.insert(notificationDeliveries).values({ ...template, deliveryKey: `floor:${run}:${i}` }),
      );
      floorRates.push(REMINDERS / ((await timed(() => runPool(inserts, CONCURRENCY))).ms / 1000));
      await db.execute(sql`delete from notification_deliveries where delivery_key like 'floor:%'`);
    }

    // Inngest delivers at least once: replaying sends already made must send nothing and report duplicates.
    const before = providers.received();
    const replay = tally(await runPool(tasks.slice(0, REPLAYED), CONCURRENCY));
    const after = providers.received();
    const providerCalls = last.received.emails + last.received.texts;
    const duplicates =
      providerCalls -
      last.sentRows +
      (last.received.emails - last.received.emailKeys) +
      (after.emails + after.texts - before.emails - before.texts) +
      (REPLAYED - replay.duplicate);

    const value = spread(rates.map((rate) => round(rate, 0)));
    const floor = spread(floorRates.map((rate) => round(rate, 0)));
    const trips = spread(roundTrips.map((n) => round(n, 2)));
    const { sent, skipped } = last.outcomes;
    return {
      part: "dispatch",
      name: `Dispatch (${REMINDERS.toLocaleString("en")} reminders, ${LATENCY_MS} ms provider, ${CONCURRENCY} in flight)`,
      unit: "reminders/s",
      value,
      floor: { name: "bare delivery-row inserts", value: floor },
      ratio: round(floor.median / value.median, 1),
      target: "≥ 500/s, ≤ 4 round trips each, 0 duplicates",
      pass: value.median >= 500 && trips.max <= 4 && duplicates === 0 && last.rows === REMINDERS,
      summary: `${trips.median} round trips each (max ${trips.max}); ${duplicates} duplicates (${REPLAYED} replays sent nothing); ${sent} sent, ${skipped} skipped`,
      details: {
        roundTripsPerReminder: trips,
        // deliver() is one read, then one insert (skip) or claim insert plus outcome update (send)
        roundTripsExpectedFromOutcomes: round((3 * (sent + last.outcomes.failed) + 2 * skipped) / REMINDERS, 2),
        outcomes: last.outcomes,
        deliveryRows: last.rows,
        providerRequests: last.received,
        replayedDeliveries: REPLAYED,
        replayOutcomes: replay,
        duplicates,
        concurrency: CONCURRENCY,
        poolSize: 10,
        providerLatencyMs: LATENCY_MS,
      },
    };
  } finally {
    await providers.close();
    await handle.close();
  }
}

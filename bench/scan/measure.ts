import { writeFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { connectPostgres, executeRows } from "@/db/client";
import { findDueReminders, LOOK_AHEAD_MS, LOOK_BACK_MS } from "@/lib/notifications/reminder-scan";
import { databaseUrl, rawClient } from "../support/databases";
import type { Figure } from "../support/figures";
import { round, spread, timed } from "../support/stats";
import { ensureScanDataset, SCAN_DATABASE } from "./dataset";

const RUNS = 5;
const TARGET_MS = 20;
const SEQ_SCANS = [/Seq Scan on appointments/, /Seq Scan on notification_deliveries/];

/** Times the cron's own findDueReminders on 1M appointments, against an index-only count of the same window. */
export async function measureScan(planFile: string, log: (line: string) => void): Promise<Figure> {
  const dataset = await ensureScanDataset(log);
  const now = dataset.anchor;
  let captured: { query: string; parameters: unknown[] } | undefined;
  // One connection, as the cron (concurrency 1) uses; the capture gives EXPLAIN the exact statement sent.
  const handle = connectPostgres(databaseUrl(SCAN_DATABASE), {
    max: 1,
    onQuery: (query, parameters) => (captured = { query, parameters }),
  });
  const raw = rawClient(SCAN_DATABASE);
  try {
    const from = new Date(now.getTime() - LOOK_BACK_MS).toISOString();
    const to = new Date(now.getTime() + LOOK_AHEAD_MS).toISOString();
    const floorQuery = sql`select count(*)::int as n from appointments
      where status = 'scheduled' and starts_at > ${from}::timestamptz and starts_at <= ${to}::timestamptz`;

    // Warm-up: prepares both statements on the connection and loads the pages a running cron would have cached.
    const warm = await findDueReminders(handle.db, now);
    const scanStatement = captured!;
    await executeRows(handle.db, floorQuery);

    const scanTimes: number[] = [];
    const floorTimes: number[] = [];
    let rows = warm.length;
    for (let run = 0; run < RUNS; run++) {
      const scan = await timed(() => findDueReminders(handle.db, now));
      rows = scan.result.length;
      scanTimes.push(scan.ms);
      floorTimes.push((await timed(() => executeRows(handle.db, floorQuery))).ms);
    }
    const [windowCount] = await executeRows<{ n: number }>(handle.db, floorQuery);

    const explain = async (query: string, parameters: unknown[]) =>
      (await raw.unsafe(`explain (analyze, buffers) ${query}`, parameters as never[]))
        .map((row) => row["QUERY PLAN"] as string)
        .join("\n");
    const scanPlan = await explain(scanStatement.query, scanStatement.parameters);
    const floorPlan = await explain(
      "select count(*) from appointments where status = 'scheduled' and starts_at > $1::timestamptz and starts_at <= $2::timestamptz",
      [from, to],
    );
    writeFileSync(
      planFile,
      `-- findDueReminders at ${now.toISOString()} on ${SCAN_DATABASE}\n${scanStatement.query}\n\n${scanPlan}\n\n-- floor: index-only count of the same window\n${floorPlan}\n`,
    );
    const seqScans = SEQ_SCANS.filter((pattern) => pattern.test(scanPlan)).map((pattern) => pattern.source);
    const value = spread(scanTimes.map((ms) => round(ms, 2)));
    const floor = spread(floorTimes.map((ms) => round(ms, 2)));
    return {
      part: "scan",
      name: "Reminder scan (findDueReminders, 1M appointments)",
      unit: "ms",
      value,
      floor: { name: "index-only count of the window", value: floor },
      ratio: round(value.median / floor.median, 1),
      target: `< ${TARGET_MS} ms, no seq scan`,
      pass: value.median < TARGET_MS && seqScans.length === 0,
      summary: `${rows} due pairs of ${windowCount?.n} scheduled in the window; ${seqScans.length ? seqScans.join(", ") : "no seq scan"} (bench/scan-plan.txt)`,
      details: {
        rowsReturned: rows,
        scheduledInWindow: windowCount?.n,
        seqScans,
        floorIndexOnly: /Index Only Scan/.test(floorPlan),
        appointments: dataset.appointments,
        deliveries: dataset.deliveries,
        datasetLoadSeconds: round(dataset.loadSeconds, 0),
        datasetReused: dataset.reused,
        now: now.toISOString(),
      },
    };
  } finally {
    await handle.close();
    await raw.end();
  }
}

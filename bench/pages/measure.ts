import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { ensureBuild } from "../support/build";
import { rawClient } from "../support/databases";
import type { Figure } from "../support/figures";
import { round, spread } from "../support/stats";
import { actionId, encodeActionCall } from "./action";
import type { LoadPlan, LoadRequest, LoadSummary } from "./load";
import { seedEmails } from "@/db/seed";
import {
  origin,
  PAGES_DATABASE,
  prepareSignedInPatients,
  prepareSignedInStaff,
  startServer,
  stopServer,
} from "./server";

const CONNECTIONS = 10;
const SECONDS = 20;
const ROUNDS = 3;
const WARM_UP_SECONDS = 3;
const SAVED = "Your notification choices are saved.";

const planDir = mkdtempSync(path.join(os.tmpdir(), "portal-bench-"));

/** autocannon in a second process against the running server. */
async function load(name: string, perConnection: LoadRequest[][], seconds: number): Promise<LoadSummary> {
  const file = path.join(planDir, `${name}.json`);
  const plan: LoadPlan = { url: origin, seconds, connections: CONNECTIONS, perConnection };
  writeFileSync(file, JSON.stringify(plan));
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "bench/pages/load.ts", file], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as LoadSummary;
}

async function checkedFetch(url: string, init: RequestInit, mustContain: string): Promise<void> {
  const response = await fetch(url, { ...init, redirect: "manual" });
  const text = await response.text();
  if (response.status !== 200 || !text.includes(mustContain))
    throw new Error(`${init.method ?? "GET"} ${url} answered ${response.status} without "${mustContain}"`);
}

/** Failed answers of every kind across runs: non-2xx, connection errors and timeouts. */
const errorsIn = (summaries: LoadSummary[], extra: number) =>
  summaries.reduce((sum, run) => sum + run.non2xx + run.errors + run.timeouts, extra);

/** /settings and its notification-preferences action under load, each against /api/health's one `select 1`. */
export async function measurePages(log: (line: string) => void): Promise<Figure[]> {
  ensureBuild(log);
  // Readers load /settings, writers post the action: the readers' history stays as seeded, round after round.
  const tokens = await prepareSignedInPatients(2 * CONNECTIONS);
  const cookies = tokens.map((token) => `authjs.session-token=${token}`);
  const readers = cookies.slice(0, CONNECTIONS);
  const writers = cookies.slice(CONNECTIONS);
  const [clinicianToken, adminToken] = await prepareSignedInStaff([seedEmails.grey, seedEmails.admin]);
  const clinician = `authjs.session-token=${clinicianToken}`;
  const admin = `authjs.session-token=${adminToken}`;
  const sql = rawClient(PAGES_DATABASE);
  const server = await startServer();
  try {
    const id = actionId("updateNotificationPreferencesAction");
    // Alternating reminders off and on, so every request is a real change: one profile update and one ledger row.
    const remindersOff = await encodeActionCall({ emailNotifications: "on", textChannel: "sms" });
    const remindersOn = await encodeActionCall({
      emailNotifications: "on",
      textChannel: "sms",
      appointmentReminders: "on",
    });
    const post = (cookie: string, call: typeof remindersOn): LoadRequest => ({
      method: "POST",
      path: "/settings",
      headers: { cookie, "next-action": id, "content-type": call.contentType, accept: "text/x-component", origin },
      bodyBase64: call.body.toString("base64"),
    });
    const scenarios = {
      health: readers.map((): LoadRequest[] => [{ method: "GET", path: "/api/health", headers: {} }]),
      settings: readers.map((cookie): LoadRequest[] => [{ method: "GET", path: "/settings", headers: { cookie } }]),
      // A reference, not the floor: the smallest signed-in page (these patients have no progress updates), i.e.
      // what any page costs in this framework (session check, layout, RSC render), beside what /settings adds.
      progress: readers.map((cookie): LoadRequest[] => [{ method: "GET", path: "/progress", headers: { cookie } }]),
      action: writers.map((cookie) => [post(cookie, remindersOff), post(cookie, remindersOn)]),
      // Staff pages that read patients' records: each request writes its access-log rows (one insert per page).
      schedule: readers.map((): LoadRequest[] => [
        { method: "GET", path: "/schedule", headers: { cookie: clinician } },
      ]),
      admin: readers.map((): LoadRequest[] => [{ method: "GET", path: "/admin", headers: { cookie: admin } }]),
      adminList: readers.map((): LoadRequest[] => [
        { method: "GET", path: "/admin/deliveries", headers: { cookie: admin } },
      ]),
    };

    // The signed-in page renders, and the action saves rather than answering "Please sign in again."
    await checkedFetch(`${origin}/settings`, { headers: { cookie: readers[0]! } }, "Notifications");
    await checkedFetch(`${origin}/progress`, { headers: { cookie: readers[0]! } }, "Progress");
    for (const call of [remindersOff, remindersOn]) {
      const request = post(writers[0]!, call);
      await checkedFetch(
        `${origin}/settings`,
        { method: "POST", headers: request.headers, body: new Uint8Array(call.body) },
        SAVED,
      );
    }
    for (const [name, perConnection] of Object.entries(scenarios))
      await load(`warm-${name}`, perConnection, WARM_UP_SECONDS);

    await checkedFetch(`${origin}/schedule`, { headers: { cookie: clinician } }, "Your schedule");
    await checkedFetch(`${origin}/admin/deliveries`, { headers: { cookie: admin } }, "Deliveries");
    const runs: Record<keyof typeof scenarios, LoadSummary[]> = {
      health: [],
      settings: [],
      progress: [],
      action: [],
      schedule: [],
      admin: [],
      adminList: [],
    };
    const ledgerRows = async () =>
      (
        await sql<
          { n: number }[]
        >`select count(*)::int as n from preference_ledger where patient_id like 'bench-signed-in-%'`
      )[0]!.n;
    let unsaved = 0;
    for (let roundIndex = 0; roundIndex < ROUNDS; roundIndex++) {
      for (const name of ["health", "settings", "progress", "action", "schedule", "admin", "adminList"] as const) {
        // Writers start each round with reminders on, so the first post (reminders off) is a change.
        await sql`update patient_profiles set appointment_reminders = true where user_id like 'bench-signed-in-%'`;
        const before = await ledgerRows();
        const summary = await load(`${name}-${roundIndex}`, scenarios[name], SECONDS);
        // A 200 that saved nothing (an auth or validation answer) is an error too: each save writes one ledger row.
        if (name === "action") unsaved += Math.max(0, summary.ok - ((await ledgerRows()) - before));
        runs[name].push(summary);
        log(
          `${name} round ${roundIndex + 1}: ${Math.round(summary.requestsPerSecond)} req/s, p50 ${summary.p50} ms, p99 ${summary.p99} ms`,
        );
      }
    }
    const floor = { name: "/api/health (select 1) p50", value: spread(runs.health.map((run) => run.p50)) };
    const floorRate = spread(runs.health.map((run) => round(run.requestsPerSecond, 0)));
    const reference = {
      p50: spread(runs.progress.map((run) => run.p50)),
      requestsPerSecond: spread(runs.progress.map((run) => round(run.requestsPerSecond, 0))),
      errors: errorsIn(runs.progress, 0),
    };
    const figure = (name: string, summaries: LoadSummary[], extraErrors: number, also = ""): Figure => {
      const value = spread(summaries.map((run) => run.p50));
      const errors = errorsIn(summaries, extraErrors);
      const rate = spread(summaries.map((run) => round(run.requestsPerSecond, 0)));
      const p99 = spread(summaries.map((run) => run.p99));
      const ratio = round(value.median / floor.value.median, 1);
      return {
        part: "pages",
        name,
        unit: "ms p50",
        value,
        floor,
        ratio,
        target: "p50 ≤ 3× floor, 0 errors",
        pass: ratio <= 3 && errors === 0,
        summary: `${rate.median} req/s (floor ${floorRate.median}), p99 ${p99.median} ms (floor ${spread(runs.health.map((run) => run.p99)).median}), ${errors} errors${also}`,
        details: {
          note: name.includes("action")
            ? "each writer's history passes the 20 rows the page shows within the first seconds"
            : undefined,
          reference: also ? { page: "/progress", ...reference } : undefined,
          requestsPerSecond: rate,
          p99,
          errors,
          requests: summaries.reduce((sum, run) => sum + run.requests, 0),
          floorRequestsPerSecond: floorRate,
          connections: CONNECTIONS,
          seconds: SECONDS,
        },
      };
    };
    return [
      figure(
        `GET /settings, signed-in patient (${CONNECTIONS} connections, ${SECONDS} s)`,
        runs.settings,
        0,
        `; reference, the smallest signed-in page (/progress): p50 ${reference.p50.median} ms (${round(reference.p50.median / floor.value.median, 1)}× floor), ${reference.requestsPerSecond.median} req/s, ${reference.errors} errors`,
      ),
      figure("Notification-preferences server action (each request a real change)", runs.action, unsaved),
      figure(`GET /schedule, signed-in clinician (${CONNECTIONS} connections, ${SECONDS} s)`, runs.schedule, 0),
      figure(`GET /admin, signed-in admin (${CONNECTIONS} connections, ${SECONDS} s)`, runs.admin, 0),
      figure(`GET /admin/deliveries, signed-in admin (${CONNECTIONS} connections, ${SECONDS} s)`, runs.adminList, 0),
    ];
  } finally {
    await stopServer(server);
    await sql.end();
  }
}

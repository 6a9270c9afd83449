// The browser tests' own server: a production build on a fresh database of its own, never the demo's .data/pglite.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { assertLocalDatabaseUrl, withDatabase } from "@/db/testing/local-guard";
import { startInngestRunner } from "@/scripts/inngest-runner/server";
import { closeDb } from "@/db/client";
import { seedE2eFixtures } from "@/e2e/support/fixtures";
import { seedAccessFixtures } from "@/e2e/support/access-fixtures";
import { seedFrameFixtures } from "@/e2e/support/frame-fixtures";
import { seedFormsFixtures } from "@/e2e/support/forms-fixtures";
import { seedLifecycleFixtures } from "@/e2e/support/lifecycle-fixtures";
import { seedPartyFixtures } from "@/e2e/support/party-fixtures";
import { seedReceiptFixtures } from "@/e2e/support/receipt-fixtures";
import { seedRevocationFixtures } from "@/e2e/support/revocation-fixtures";
import { seedRosterFixtures } from "@/e2e/support/roster-fixtures";
import { seedPolicyFixtures } from "@/e2e/support/policy-fixtures";
import { prepareDatabase } from "@/scripts/prepare-db";

const root = path.resolve(import.meta.dirname, "../..");
process.chdir(root);
const port = process.env.E2E_PORT ?? "3210";
// The demo's own Inngest runner listens next door; tests reach it at inngestRunnerUrl() (e2e/support/inngest.ts).
const inngestPort = Number(port) + 1;

if (process.env.DATABASE_URL) {
  assertLocalDatabaseUrl(process.env.DATABASE_URL);
  const name = "portal_e2e";
  const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  process.env.DATABASE_URL = withDatabase(process.env.DATABASE_URL, name);
} else {
  process.env.PGLITE_DATA_DIR = ".data/e2e";
  rmSync(process.env.PGLITE_DATA_DIR, { recursive: true, force: true });
}
Object.assign(process.env, {
  APP_ENV: "test",
  NEXT_TELEMETRY_DISABLED: "1",
  AUTH_SECRET: "e2e-secret-".padEnd(40, "x"),
  // Links in emails and Auth.js redirects use this origin, the one the browser uses.
  AUTH_URL: `http://localhost:${port}`,
  // Texts at any hour, so a journey does not depend on the time of day it runs; patients' own hours still apply.
  NOTIFY_TEXT_HOURS: "00:00-24:00",
  NOTIFY_TEXT_HOURS_BY_REGION: "none",
});
delete process.env.RESEND_API_KEY;

await prepareDatabase();
await seedE2eFixtures();
await seedAccessFixtures();
await seedFrameFixtures();
await seedFormsFixtures();
await seedPartyFixtures();
await seedLifecycleFixtures();
await seedReceiptFixtures();
await seedRevocationFixtures();
await seedRosterFixtures();
await seedPolicyFixtures();
await closeDb();
// Events the app sends run its functions through /api/inngest, crons on their schedules: the runner `npm run demo` uses.
const runner = await startInngestRunner({ appUrls: [`http://127.0.0.1:${port}/api/inngest`], port: inngestPort });
Object.assign(process.env, { INNGEST_DEV: "1", INNGEST_BASE_URL: runner.url });
const server = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", port], { stdio: "inherit", env: process.env });
void runner.syncWhenReady();
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => {
  void runner.stop();
  process.exit(code ?? 0);
});

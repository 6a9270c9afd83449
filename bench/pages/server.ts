import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { seed } from "@/db/seed";
import { databaseUrl, freshDatabase, rawClient } from "../support/databases";

export const PAGES_DATABASE = "portal_bench";
export const PORT = 3300;
export const origin = `http://127.0.0.1:${PORT}`;

const HISTORY_ROWS = 12;
const RECENT_MESSAGES = 10;

/**
 * The seeded demo plus signed-in patients: each has a database session row, exactly what Auth.js writes after a
 * magic-link sign-in, so the load never drives the email flow. Each starts with a year's worth of settings history
 * and a month of messages, so /settings renders what a real patient sees.
 */
export async function prepareSignedInPatients(patients: number): Promise<string[]> {
  const handle = await freshDatabase(PAGES_DATABASE);
  await seed(handle.db);
  await handle.close();
  const sql = rawClient(PAGES_DATABASE);
  try {
    const tokens = Array.from({ length: patients }, () => randomBytes(32).toString("hex"));
    for (const [index, token] of tokens.entries()) {
      const id = `bench-signed-in-${index + 1}`;
      await sql`insert into users (id, name, email, role) values (${id}, ${`Bench Patient ${index + 1}`}, ${`signed-in${index + 1}@bench.example`}, 'patient')`;
      await sql`insert into patient_profiles (user_id, first_name, last_name, time_zone) values (${id}, 'Bench', ${`Patient ${index + 1}`}, 'Europe/London')`;
      await sql`insert into sessions (session_token, user_id, expires) values (${token}, ${id}, now() + interval '12 hours')`;
      await sql`insert into preference_ledger (patient_id, actor_id, actor_kind, field, old_value, new_value, created_at)
        select ${id}, ${id}, 'patient', 'emailNotifications', (i % 2 = 0)::text, (i % 2 = 1)::text, now() - i * interval '30 days'
        from generate_series(1, ${HISTORY_ROWS}) i`;
      await sql`insert into notification_deliveries (delivery_key, patient_id, kind, channel, status, provider_message_id, created_at)
        select ${`${id}:`} || i, ${id}, 'reminder_24h', 'email', 'sent', 'bench', now() - i * interval '3 days'
        from generate_series(1, ${RECENT_MESSAGES}) i`;
    }
    return tokens;
  } finally {
    await sql.end();
  }
}

/** Database sessions for seeded staff (a clinician, an admin): the pages they load read patients' records. */
export async function prepareSignedInStaff(emails: string[]): Promise<string[]> {
  const sql = rawClient(PAGES_DATABASE);
  try {
    const tokens: string[] = [];
    for (const email of emails) {
      const token = randomBytes(32).toString("hex");
      await sql`insert into sessions (session_token, user_id, expires)
        select ${token}, id, now() + interval '12 hours' from users where email = ${email}`;
      tokens.push(token);
    }
    return tokens;
  } finally {
    await sql.end();
  }
}

/** `next start` on its own port and database, configured as the e2e server is (e2e/support/server.ts). */
export async function startServer(): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    APP_ENV: "test",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl(PAGES_DATABASE),
    AUTH_SECRET: "bench-secret-".padEnd(40, "x"),
    AUTH_URL: origin,
  };
  const server = spawn("node_modules/.bin/next", ["start", "-H", "127.0.0.1", "-p", String(PORT)], {
    env,
    stdio: ["ignore", "ignore", "inherit"],
    // Its own process group, so stopping it also stops any worker `next start` forks.
    detached: true,
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
    const ok = await fetch(`${origin}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return server;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  process.kill(-server.pid!, "SIGTERM");
  throw new Error("next start did not answer /api/health within 60 s");
}

export async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  process.kill(-server.pid!, "SIGTERM");
  await exited;
}

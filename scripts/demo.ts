// `npm run demo`: the portal on the embedded database, migrated and seeded on first run, no other service needed.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { startLocalInngest } from "./inngest-runner/local-inngest";
import { prepareDatabase } from "./prepare-db";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);

function newestSourceChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceChange(full));
    else newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

function buildIsCurrent(): boolean {
  if (!existsSync(".next/BUILD_ID")) return false;
  const built = statSync(".next/BUILD_ID").mtimeMs;
  const sources = ["app", "components", "lib", "db", "inngest", "public"].filter((dir) => existsSync(dir));
  const newest = Math.max(
    ...sources.map(newestSourceChange),
    ...["package.json", "next.config.ts", "proxy.ts"].map((f) => statSync(f).mtimeMs),
  );
  return built > newest;
}

const started = Date.now();
const port = process.env.PORT ?? "3000";
Object.assign(process.env, {
  AUTH_URL: process.env.AUTH_URL ?? `http://localhost:${port}`,
  APP_ENV: process.env.APP_ENV ?? "demo",
  NEXT_TELEMETRY_DISABLED: "1",
  // Without AUTH_SECRET, lib/env.ts keeps a random one for this install in .data/auth-secret.
  // /api/inngest in dev mode, so the Inngest Dev Server can attach at any time (README "Operating it: Inngest");
  // with a signing key the portal talks to Inngest Cloud or a self-hosted server instead.
  ...(process.env.INNGEST_SIGNING_KEY || process.env.INNGEST_DEV ? {} : { INNGEST_DEV: "1" }),
});

// What runs the functions (the Dev Server, else the bundled runner) is found while the database is prepared.
const serveUrl = `${new URL(process.env.INNGEST_SERVE_ORIGIN ?? process.env.AUTH_URL!).origin}/api/inngest`;
const [{ driver, seeded }, inngest] = await Promise.all([
  prepareDatabase(),
  startLocalInngest({ serveUrl, choice: process.env.DEMO_INNGEST }),
]);
if (inngest.baseUrl) process.env.INNGEST_BASE_URL = inngest.baseUrl;
console.log(`Background functions: ${inngest.description}`);
console.log(
  `Database ready (${driver === "pglite" ? "embedded PGlite in .data/pglite" : "PostgreSQL"})${seeded ? ", demo data seeded" : ""}.`,
);

if (!buildIsCurrent()) {
  console.log("Building the portal (first run, or the code changed)…");
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: process.env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const host = process.env.HOST ?? "localhost";
if (process.env.INNGEST_DEV === "1" && !["localhost", "127.0.0.1", "::1"].includes(host)) {
  console.warn(
    `Warning: /api/inngest runs in dev mode and accepts unsigned calls; HOST=${host} exposes it beyond this machine.`,
  );
}
const server = spawn("npx", ["next", "start", "-H", host, "-p", port], {
  stdio: ["inherit", "pipe", "inherit"],
  env: process.env,
});
server.stdout.on("data", (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (chunk.toString().includes("Ready")) {
    console.log(`\nPortal ready at http://localhost:${port} after ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    console.log("Sign in as ada@patients.example, ben@patients.example, grey@clinic.example or admin@clinic.example;");
    console.log(`the sign-in link appears at http://localhost:${port}/dev/outbox.`);
    inngest.attach().then(
      (done) => console.log(`Background functions: ${done}`),
      (error: Error) =>
        console.warn(`Background functions could not attach (${error.message}); changes wait in the outbox.`),
    );
  }
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    inngest.stop();
    server.kill(signal);
  });
}
server.on("exit", (code) => {
  inngest.stop();
  process.exit(code ?? 0);
});

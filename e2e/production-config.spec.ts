import { spawn } from "node:child_process";
import { expect, test } from "@playwright/test";

test("a production server without its secrets refuses to start and names each missing one", async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, APP_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  for (const name of ["DATABASE_URL", "AUTH_SECRET", "AUTH_URL", "RESEND_API_KEY", "EMAIL_FROM", "PGLITE_DATA_DIR"])
    delete env[name];
  const server = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", "3299"], { env });
  let output = "";
  server.stdout.on("data", (chunk) => (output += chunk));
  server.stderr.on("data", (chunk) => (output += chunk));
  const exitCode = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      server.kill("SIGKILL");
      resolve(null);
    }, 25_000);
    server.on("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
  expect(exitCode).toBe(1);
  for (const message of [
    "DATABASE_URL is required",
    "AUTH_SECRET is required",
    "RESEND_API_KEY is required",
    // The serve origin Inngest is told to call comes from it: never from a request's Host.
    "AUTH_URL is required",
  ]) {
    expect(output).toContain(message);
  }
});

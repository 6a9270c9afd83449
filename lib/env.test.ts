import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

const completeProduction = {
  NODE_ENV: "production",
  DATABASE_URL: "postgres://portal@db.internal/portal",
  AUTH_SECRET: "x".repeat(40),
  AUTH_URL: "https://portal.example-clinic.org",
  RESEND_API_KEY: "re_live_key",
  EMAIL_FROM: "Clinic <portal@example-clinic.org>",
  INNGEST_EVENT_KEY: "event-key",
  INNGEST_SIGNING_KEY: "signkey-prod-123",
};

function problemsOf(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
    return [];
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
}

describe("env", () => {
  it("refuses a production config without secrets, naming each missing variable", () => {
    const problems = problemsOf({ NODE_ENV: "production" });
    for (const name of [
      "DATABASE_URL",
      "AUTH_SECRET",
      "AUTH_URL",
      "RESEND_API_KEY",
      "EMAIL_FROM",
      "INNGEST_SIGNING_KEY",
      "INNGEST_EVENT_KEY",
    ]) {
      expect(problems.some((p) => p.startsWith(name))).toBe(true);
    }
  });

  it("refuses a production config that points a provider at a local fake", () => {
    const problems = problemsOf({
      ...completeProduction,
      RESEND_BASE_URL: "http://127.0.0.1:9999",
      TWILIO_API_BASE_URL: "http://127.0.0.1:9998",
    });
    expect(problems).toHaveLength(2);
    expect(problems.join(" ")).toMatch(/RESEND_BASE_URL.*TWILIO_API_BASE_URL/);
  });

  it("refuses a short AUTH_SECRET in production", () => {
    expect(problemsOf({ ...completeProduction, AUTH_SECRET: "short" })).toEqual([
      "AUTH_SECRET must be at least 32 characters.",
    ]);
  });

  it("accepts a complete production config and turns the dev outbox off", () => {
    const config = parseEnv(completeProduction);
    expect(config.isProduction).toBe(true);
    expect(config.devOutboxEnabled).toBe(false);
    expect(config.databaseUrl).toBe(completeProduction.DATABASE_URL);
  });

  it("runs the demo with nothing configured: embedded database and dev outbox", () => {
    const config = parseEnv({ APP_ENV: "demo", NODE_ENV: "production" });
    expect(config.isProduction).toBe(false);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.pgliteDataDir).toBe(".data/pglite");
    expect(config.devOutboxEnabled).toBe(true);
  });

  it("rejects an unknown APP_ENV", () => {
    expect(problemsOf({ APP_ENV: "staging" })[0]).toMatch(/^APP_ENV/);
  });
});

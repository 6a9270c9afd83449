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

describe("env, one validated configuration", () => {
  it("reads Twilio messaging and video settings, or says they are off", () => {
    const none = parseEnv({ APP_ENV: "test" });
    expect(none).toMatchObject({
      twilioMessaging: null,
      twilioVideo: null,
      appUrl: "http://localhost:3000",
      trustProxyHops: 0,
    });
    const both = parseEnv({
      APP_ENV: "test",
      TWILIO_ACCOUNT_SID: "AC1",
      TWILIO_AUTH_TOKEN: "token",
      TWILIO_SMS_FROM: "+15005550006",
      TWILIO_API_KEY_SID: "SK1",
      TWILIO_API_KEY_SECRET: "secret",
      AUTH_URL: "https://portal.example.org/",
    });
    expect(both.twilioMessaging).toEqual({
      accountSid: "AC1",
      authToken: "token",
      smsFrom: "+15005550006",
      whatsappFrom: undefined,
    });
    expect(both.twilioVideo).toEqual({ accountSid: "AC1", apiKeySid: "SK1", apiKeySecret: "secret" });
    expect(both.appUrl).toBe("https://portal.example.org");
  });

  it("pins the Inngest serve origin to INNGEST_SERVE_ORIGIN, else the app's own origin", () => {
    expect(parseEnv({ APP_ENV: "test", AUTH_URL: "https://portal.example.org/base" }).inngestServeOrigin).toBe(
      "https://portal.example.org",
    );
    expect(
      parseEnv({ APP_ENV: "test", INNGEST_SERVE_ORIGIN: "https://internal.example:8443" }).inngestServeOrigin,
    ).toBe("https://internal.example:8443");
    expect(problemsOf({ APP_ENV: "test", INNGEST_SERVE_ORIGIN: "not a url" })[0]).toMatch(/^INNGEST_SERVE_ORIGIN/);
  });

  it("production with Twilio needs the auth token that verifies its webhooks", () => {
    expect(problemsOf({ ...completeProduction, TWILIO_ACCOUNT_SID: "AC1", TWILIO_API_KEY_SID: "SK1" })).toEqual([
      "TWILIO_AUTH_TOKEN is required in production with Twilio configured: it verifies Twilio's webhooks.",
    ]);
  });

  it("never falls back to a constant secret: without AUTH_SECRET each install gets its own", () => {
    const secrets = new Set<string>();
    for (let install = 0; install < 3; install++) {
      const generated: string[] = [];
      const config = parseEnv({ APP_ENV: "demo" }, () => {
        const secret = `install-${install}-${Math.random()}`;
        generated.push(secret);
        return secret;
      });
      expect(config.authSecret).toBe(generated[0]);
      secrets.add(config.authSecret);
    }
    expect(secrets.size).toBe(3);
    // In this process (APP_ENV=test): random, stable for the process, and not the old constant.
    const { authSecret } = parseEnv({ APP_ENV: "test" });
    expect(authSecret).toHaveLength(43);
    expect(parseEnv({ APP_ENV: "test" }).authSecret).toBe(authSecret);
    expect(authSecret).not.toContain("dev-only");
  });

  it("refuses a TRUST_PROXY_HOPS that is not a small whole number", () => {
    expect(parseEnv({ APP_ENV: "test", TRUST_PROXY_HOPS: "1" }).trustProxyHops).toBe(1);
    expect(problemsOf({ APP_ENV: "test", TRUST_PROXY_HOPS: "-1" })[0]).toMatch(/^TRUST_PROXY_HOPS/);
    expect(problemsOf({ APP_ENV: "test", TRUST_PROXY_HOPS: "all" })[0]).toMatch(/^TRUST_PROXY_HOPS/);
  });

  it("names the clinic from CLINIC_*; production shows only what is configured, elsewhere the demo clinic fills gaps", () => {
    expect(parseEnv(completeProduction).clinic).toEqual({ name: "Patient Portal" });
    const configured = parseEnv({
      ...completeProduction,
      CLINIC_NAME: "Harbour Street Surgery",
      CLINIC_PHONE: "+44 20 7946 0999",
      CLINIC_EMAIL: "reception@harbour.example",
    }).clinic;
    expect(configured).toEqual({
      name: "Harbour Street Surgery",
      phone: "+44 20 7946 0999",
      email: "reception@harbour.example",
    });
    expect(parseEnv({ APP_ENV: "demo" }).clinic.name).toBe("Riverside Clinic");
    expect(problemsOf({ APP_ENV: "test", CLINIC_EMAIL: "reception" })[0]).toMatch(/^CLINIC_EMAIL/);
  });

  it("keeps a recording the patient stopped unless VIDEO_RECORDING_AFTER_STOP says delete; anything else is refused", () => {
    expect(parseEnv({ APP_ENV: "test" }).video.recordingAfterStop).toBe("keep");
    expect(parseEnv({ APP_ENV: "test", VIDEO_RECORDING_AFTER_STOP: "delete" }).video.recordingAfterStop).toBe("delete");
    expect(problemsOf({ APP_ENV: "test", VIDEO_RECORDING_AFTER_STOP: "archive" })[0]).toMatch(
      /^VIDEO_RECORDING_AFTER_STOP/,
    );
  });
});

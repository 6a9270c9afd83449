import { z } from "zod";

// Validated configuration. Production refuses to start with a missing secret or a test fake.
export type AppEnv = "production" | "demo" | "test" | "development";

const optional = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const rawSchema = z.object({
  NODE_ENV: optional,
  APP_ENV: z.enum(["production", "demo", "test", "development"]).optional(),
  DATABASE_URL: optional,
  PGLITE_DATA_DIR: optional,
  AUTH_SECRET: optional,
  AUTH_URL: optional,
  RESEND_API_KEY: optional,
  RESEND_BASE_URL: optional,
  EMAIL_FROM: optional,
  TWILIO_API_BASE_URL: optional,
  INNGEST_DEV: optional,
  INNGEST_EVENT_KEY: optional,
  INNGEST_SIGNING_KEY: optional,
});

export type Env = {
  appEnv: AppEnv;
  isProduction: boolean;
  databaseUrl?: string;
  pgliteDataDir: string;
  authSecret: string;
  appUrl?: string;
  resendApiKey?: string;
  emailFrom: string;
  /** demo, dev and test: messages without a configured provider go to the dev outbox */
  devOutboxEnabled: boolean;
};

const DEV_AUTH_SECRET = "dev-only-auth-secret-not-for-production-use";

export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = rawSchema.safeParse(source);
  if (!parsed.success) {
    throw new EnvError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const raw = parsed.data;
  const appEnv: AppEnv = raw.APP_ENV ?? (raw.NODE_ENV === "production" ? "production" : "development");
  const isProduction = appEnv === "production";
  const problems: string[] = [];
  if (isProduction) {
    if (!raw.DATABASE_URL) problems.push("DATABASE_URL is required in production (PostgreSQL connection string).");
    if (!raw.AUTH_SECRET) problems.push("AUTH_SECRET is required in production (generate one with `npx auth secret`).");
    else if (raw.AUTH_SECRET.length < 32) problems.push("AUTH_SECRET must be at least 32 characters.");
    if (!raw.AUTH_URL) problems.push("AUTH_URL is required in production (the portal's public https URL).");
    if (!raw.RESEND_API_KEY)
      problems.push("RESEND_API_KEY is required in production: sign-in links need a real email provider.");
    if (!raw.EMAIL_FROM)
      problems.push("EMAIL_FROM is required in production (a sender on a domain verified with Resend).");
    if (raw.RESEND_BASE_URL) problems.push("RESEND_BASE_URL points Resend at a fake; it is not allowed in production.");
    if (raw.TWILIO_API_BASE_URL)
      problems.push("TWILIO_API_BASE_URL points Twilio at a fake; it is not allowed in production.");
    if (raw.INNGEST_DEV && raw.INNGEST_DEV !== "0")
      problems.push("INNGEST_DEV is set: production must use Inngest Cloud or a self-hosted server.");
    if (!raw.INNGEST_SIGNING_KEY)
      problems.push("INNGEST_SIGNING_KEY is required in production so only Inngest can call /api/inngest.");
    if (!raw.INNGEST_EVENT_KEY) problems.push("INNGEST_EVENT_KEY is required in production to send events.");
  }
  if (problems.length > 0) throw new EnvError(problems);

  return {
    appEnv,
    isProduction,
    databaseUrl: raw.DATABASE_URL,
    pgliteDataDir: raw.PGLITE_DATA_DIR ?? ".data/pglite",
    authSecret: raw.AUTH_SECRET ?? DEV_AUTH_SECRET,
    appUrl: raw.AUTH_URL,
    resendApiKey: raw.RESEND_API_KEY,
    emailFrom: raw.EMAIL_FROM ?? "Patient Portal <portal@localhost>",
    devOutboxEnabled: !isProduction,
  };
}

/** The process's configuration; parsing is microseconds, so it always reflects process.env. */
export function env(): Env {
  return parseEnv(process.env);
}

import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { appEnvOf, type AppEnv } from "./app-env";
import { parseNotificationPolicy, type NotificationPolicy } from "./notifications/policy";

// Validated configuration, the one place the server reads process.env. Production refuses to start with a missing
// secret or a test fake.
export type { AppEnv };

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
  RESEND_WEBHOOK_SECRET: optional,
  EMAIL_FROM: optional,
  TWILIO_API_BASE_URL: optional,
  TWILIO_ACCOUNT_SID: optional,
  TWILIO_AUTH_TOKEN: optional,
  TWILIO_SMS_FROM: optional,
  TWILIO_WHATSAPP_FROM: optional,
  TWILIO_API_KEY_SID: optional,
  TWILIO_API_KEY_SECRET: optional,
  INNGEST_DEV: optional,
  INNGEST_EVENT_KEY: optional,
  INNGEST_SIGNING_KEY: optional,
  INNGEST_SERVE_ORIGIN: optional,
  TRUST_PROXY_HOPS: optional,
  CLINIC_NAME: optional,
  CLINIC_PHONE: optional,
  CLINIC_EMAIL: optional,
  CLINIC_HOURS: optional,
  VIDEO_CONSENT_POLICY: z.enum(["all-party", "one-party"]).optional(),
  VIDEO_CLINIC_REGION: optional,
  VIDEO_START_MINUTES_BEFORE: optional,
  VIDEO_RECORDING_AFTER_STOP: z.enum(["keep", "delete"]).optional(),
  NOTIFY_TEXT_HOURS: optional,
  NOTIFY_TEXT_HOURS_BY_REGION: optional,
  NOTIFY_TEXT_CAPS: optional,
});

export type TwilioMessagingConfig = { accountSid: string; authToken: string; smsFrom?: string; whatsappFrom?: string };
export type TwilioVideoConfig = { accountSid: string; apiKeySid: string; apiKeySecret: string };
/** Who must consent before a room records, and when a clinician may open it. */
export type VideoPolicy = {
  /** all-party (default): every present participant; one-party: only where every participant's region permits it */
  consentPolicy: "all-party" | "one-party";
  /** the clinic's state or region (e.g. "TX"), the clinician's location for the one-party rule */
  clinicRegion?: string;
  startMinutesBefore: number;
  /** a recording made with everyone's consent, then stopped by the patient: kept (default) or deleted once complete */
  recordingAfterStop: "keep" | "delete";
};
/** Who runs the portal, as the front page, header, help and privacy notice name them */
export type ClinicDetails = { name: string; phone?: string; email?: string; hours?: string };

export type Env = {
  appEnv: AppEnv;
  isProduction: boolean;
  databaseUrl?: string;
  pgliteDataDir: string;
  authSecret: string;
  /** the portal's public origin, used in links, webhook signatures and the Inngest registration */
  appUrl: string;
  /** where Inngest is told to call /api/inngest: INNGEST_SERVE_ORIGIN, else the app's origin; never the request's Host */
  inngestServeOrigin: string;
  resendApiKey?: string;
  /** the whsec_ secret Resend signs its webhooks with (svix); without it /api/resend/webhook refuses every call */
  resendWebhookSecret?: string;
  emailFrom: string;
  /** Twilio Messaging (SMS, WhatsApp), or null: texts go to the dev outbox */
  twilioMessaging: TwilioMessagingConfig | null;
  /** Twilio Video, or null: sessions run in local preview mode */
  twilioVideo: TwilioVideoConfig | null;
  /** the Twilio auth token that signs webhooks and callbacks */
  twilioAuthToken?: string;
  twilioApiBaseUrl?: string;
  /** how many reverse proxies in front of the app append to X-Forwarded-For; 0: the socket's address is the client's */
  trustProxyHops: number;
  /** demo, dev and test: messages without a configured provider go to the dev outbox */
  devOutboxEnabled: boolean;
  clinic: ClinicDetails;
  video: VideoPolicy;
  /** quiet hours and frequency caps for texts (lib/notifications/policy.ts documents the defaults) */
  notificationPolicy: NotificationPolicy;
};

const LOCAL_APP_URL = "http://localhost:3000";
// Outside production an invented clinic (a reserved drama phone number, an .example address) fills the pages.
const DEMO_CLINIC: ClinicDetails = {
  name: "Riverside Clinic",
  phone: "020 7946 0321",
  email: "help@clinic.example",
  hours: "Monday to Friday, 8:00 to 18:00",
};

export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

const originOf = (url: string) => new URL(url).origin;

export function parseEnv(source: Record<string, string | undefined>, secretOf = installSecret): Env {
  const parsed = rawSchema.safeParse(source);
  if (!parsed.success) {
    throw new EnvError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const raw = parsed.data;
  const appEnv = appEnvOf(raw.APP_ENV, raw.NODE_ENV);
  const isProduction = appEnv === "production";
  const problems: string[] = [];
  for (const name of ["AUTH_URL", "INNGEST_SERVE_ORIGIN"] as const) {
    if (raw[name] && !URL.canParse(raw[name]))
      problems.push(`${name} must be a URL such as https://portal.example.org.`);
  }
  const hops = raw.TRUST_PROXY_HOPS === undefined ? 0 : Number(raw.TRUST_PROXY_HOPS);
  if (!Number.isInteger(hops) || hops < 0 || hops > 10)
    problems.push("TRUST_PROXY_HOPS must be a whole number from 0 to 10.");
  for (const name of ["CLINIC_NAME", "CLINIC_PHONE", "CLINIC_EMAIL", "CLINIC_HOURS"] as const) {
    if ((raw[name]?.length ?? 0) > 100) problems.push(`${name} must be at most 100 characters.`);
  }
  const startBefore = raw.VIDEO_START_MINUTES_BEFORE === undefined ? 30 : Number(raw.VIDEO_START_MINUTES_BEFORE);
  if (!Number.isInteger(startBefore) || startBefore < 0 || startBefore > 240)
    problems.push("VIDEO_START_MINUTES_BEFORE must be a whole number of minutes from 0 to 240.");
  if (raw.CLINIC_EMAIL && !z.email().safeParse(raw.CLINIC_EMAIL).success)
    problems.push("CLINIC_EMAIL must be an email address such as help@example-clinic.org.");
  const { policy: notificationPolicy, problems: policyProblems } = parseNotificationPolicy(raw);
  problems.push(...policyProblems);
  if (isProduction) {
    if (!raw.DATABASE_URL) problems.push("DATABASE_URL is required in production (PostgreSQL connection string).");
    if (!raw.AUTH_SECRET) problems.push("AUTH_SECRET is required in production (generate one with `npx auth secret`).");
    else if (raw.AUTH_SECRET.length < 32) problems.push("AUTH_SECRET must be at least 32 characters.");
    if (!raw.AUTH_URL)
      problems.push(
        "AUTH_URL is required in production (the portal's public https URL: links, webhook signatures and the Inngest registration use it).",
      );
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
    if ((raw.TWILIO_ACCOUNT_SID || raw.TWILIO_API_KEY_SID) && !raw.TWILIO_AUTH_TOKEN) {
      problems.push(
        "TWILIO_AUTH_TOKEN is required in production with Twilio configured: it verifies Twilio's webhooks.",
      );
    }
  }
  if (problems.length > 0) throw new EnvError(problems);

  const appUrl = (raw.AUTH_URL ?? LOCAL_APP_URL).replace(/\/+$/, "");
  const { TWILIO_ACCOUNT_SID: accountSid, TWILIO_AUTH_TOKEN: authToken } = raw;
  return {
    appEnv,
    isProduction,
    databaseUrl: raw.DATABASE_URL,
    pgliteDataDir: raw.PGLITE_DATA_DIR ?? ".data/pglite",
    authSecret: raw.AUTH_SECRET ?? secretOf(appEnv, raw.PGLITE_DATA_DIR),
    appUrl,
    inngestServeOrigin: originOf(raw.INNGEST_SERVE_ORIGIN ?? appUrl),
    resendApiKey: raw.RESEND_API_KEY,
    resendWebhookSecret: raw.RESEND_WEBHOOK_SECRET,
    emailFrom: raw.EMAIL_FROM ?? "Patient Portal <portal@localhost>",
    twilioMessaging:
      accountSid && authToken
        ? { accountSid, authToken, smsFrom: raw.TWILIO_SMS_FROM, whatsappFrom: raw.TWILIO_WHATSAPP_FROM }
        : null,
    twilioVideo:
      accountSid && raw.TWILIO_API_KEY_SID && raw.TWILIO_API_KEY_SECRET
        ? { accountSid, apiKeySid: raw.TWILIO_API_KEY_SID, apiKeySecret: raw.TWILIO_API_KEY_SECRET }
        : null,
    twilioAuthToken: authToken,
    twilioApiBaseUrl: raw.TWILIO_API_BASE_URL,
    trustProxyHops: hops,
    devOutboxEnabled: !isProduction,
    clinic: clinicOf(raw, isProduction),
    video: {
      consentPolicy: raw.VIDEO_CONSENT_POLICY ?? "all-party",
      clinicRegion: raw.VIDEO_CLINIC_REGION?.toUpperCase(),
      startMinutesBefore: startBefore,
      recordingAfterStop: raw.VIDEO_RECORDING_AFTER_STOP ?? "keep",
    },
    notificationPolicy,
  };
}

/** Production shows only what is configured (a generic name, no contact lines); elsewhere the demo clinic fills gaps. */
function clinicOf(raw: z.infer<typeof rawSchema>, isProduction: boolean): ClinicDetails {
  const fallback: ClinicDetails = isProduction ? { name: "Patient Portal" } : DEMO_CLINIC;
  return {
    name: raw.CLINIC_NAME ?? fallback.name,
    phone: raw.CLINIC_PHONE ?? fallback.phone,
    email: raw.CLINIC_EMAIL ?? fallback.email,
    hours: raw.CLINIC_HOURS ?? fallback.hours,
  };
}

const holder = globalThis as typeof globalThis & { __portalInstallSecret?: string };

/**
 * Outside production with no AUTH_SECRET: a random secret per install, never a constant anyone could read in the
 * source. Kept in .data/auth-secret (as `npm run demo` does) so sessions and links survive a restart; tests get one
 * per process.
 */
function installSecret(appEnv: AppEnv, pgliteDataDir?: string): string {
  if (holder.__portalInstallSecret) return holder.__portalInstallSecret;
  let secret = randomBytes(32).toString("base64url");
  if (appEnv !== "test") {
    const file = path.join(path.dirname(pgliteDataDir ?? ".data/pglite"), "auth-secret");
    if (existsSync(file)) secret = readFileSync(file, "utf8").trim();
    else {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, secret, { mode: 0o600 });
    }
  }
  holder.__portalInstallSecret = secret;
  return secret;
}

/** The process's configuration; parsing is microseconds, so it always reflects process.env. */
export function env(): Env {
  return parseEnv(process.env);
}

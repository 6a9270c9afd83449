import pino from "pino";

/**
 * The server's one logger (pino: structured JSON lines, fast, with redaction). Nothing logged may carry PHI
 * (DESIGN.md, invariant 9): errors go through `safeError`, and fields that could hold contact details or note text
 * are redacted wherever they appear.
 */
export const log = pino(
  {
    level: process.env.LOG_LEVEL ?? (process.env.APP_ENV === "test" ? "warn" : "info"),
    base: { service: "patient-portal" },
    redact: {
      paths: [
        "params",
        "*.params",
        "body",
        "*.body",
        "email",
        "*.email",
        "to",
        "*.to",
        "phone",
        "*.phone",
        "text",
        "*.text",
        "detail",
        "*.detail",
      ],
      censor: "[redacted]",
    },
    serializers: { err: safeError, error: safeError },
  },
  // Through process.stdout (not fd 1 directly), so a test can read every line the server writes.
  process.stdout,
);

/** Database errors from drizzle, PostgreSQL or PGlite: their message, params and detail quote the values written. */
const isDatabaseError = (error: Record<string, unknown>) =>
  "query" in error || "params" in error || "severity" in error || error.name === "DatabaseQueryError";

/** An email address, a phone number: masked in any message that is logged, whatever produced it. */
// A phone number stands on its own: digits inside an id (Twilio's RM0123…, a UUID) are not one.
const CONTACT = /[^\s@<>"']+@[^\s@<>"']+|(?<![\w-])\+?\d[\d ()-]{7,}\d(?![\w-])/g;

/**
 * What of an error may be logged: its name, codes (SQLSTATE, constraint, provider code, HTTP status) and, for
 * anything but a database error, its message with contact details masked. Never params, detail or the cause's body.
 */
export function safeError(error: unknown): Record<string, unknown> {
  if (!error || typeof error !== "object") return { type: typeof error };
  const e = error as Record<string, unknown> & { cause?: unknown };
  const cause = (e.cause && typeof e.cause === "object" ? e.cause : {}) as Record<string, unknown>;
  const pick = (...keys: string[]) => keys.map((key) => e[key] ?? cause[key]).find((value) => value !== undefined);
  const database = isDatabaseError(e) || isDatabaseError(cause);
  const message = typeof e.message === "string" ? e.message : undefined;
  return {
    type: typeof e.name === "string" ? e.name : "Error",
    code: pick("code"),
    constraint: pick("constraint", "constraint_name"),
    table: pick("table", "table_name"),
    status: pick("status", "statusCode"),
    message: database ? undefined : message?.replace(CONTACT, "[contact]").slice(0, 300),
  };
}

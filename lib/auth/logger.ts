import type { NextAuthConfig } from "next-auth";
import { log } from "@/lib/log";

/**
 * Auth.js's error type ("AccessDenied", "Verification"): a static string on each AuthError, unlike its class name,
 * which a production build minifies (`[auth] m`).
 */
export function authErrorType(error: Error): string {
  const type = (error as { type?: unknown }).type;
  return typeof type === "string" ? type : "UnknownError";
}

/**
 * Auth.js's logger into the server's own. The error itself goes through the PHI-safe serializer, as does what it
 * wraps (a database or provider error), and never Auth.js's debug metadata, which carries addresses and tokens.
 */
export const authLogger: NonNullable<NextAuthConfig["logger"]> = {
  error(error) {
    const type = authErrorType(error);
    const cause = (error.cause as { err?: unknown } | undefined)?.err;
    // The serializer names an error by its class, which the build minifies: it gets the type as the name instead.
    const err = { name: type, message: error.message };
    log.error({ code: type, err, ...(cause instanceof Error ? { error: cause } : {}) }, `Auth.js: ${type}`);
  },
  warn(code) {
    log.warn({ code }, `Auth.js warning: ${code}`);
  },
  debug() {},
};

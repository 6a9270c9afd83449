import type { NextAuthConfig } from "next-auth";
import { log } from "@/lib/log";

/**
 * Auth.js's error type ("AccessDenied", "Verification"): a static string on each AuthError, unlike its class name,
 * which a production build minifies (`[auth] m`). Undefined for any other error.
 */
export function authErrorType(error: Error): string | undefined {
  const type = (error as { type?: unknown }).type;
  return typeof type === "string" ? type : undefined;
}

/**
 * Auth.js's logger into the server's own. Errors go through the PHI-safe serializer, as does what an AuthError wraps
 * (a database or provider error); Auth.js's debug output, which carries addresses and tokens, is dropped.
 */
export const authLogger = {
  error(error) {
    const type = authErrorType(error);
    if (!type) return void log.error({ err: error }, "Auth.js: error");
    const cause = (error.cause as { err?: unknown } | undefined)?.err;
    // The serializer names an error by its class, which the build minifies: it gets the type as the name instead.
    const err = { name: type, message: error.message };
    log.error({ code: type, err, ...(cause instanceof Error ? { error: cause } : {}) }, `Auth.js: ${type}`);
  },
  warn(code) {
    log.warn({ code }, `Auth.js warning: ${code}`);
  },
  debug() {},
} satisfies NonNullable<NextAuthConfig["logger"]>;

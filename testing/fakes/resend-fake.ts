import { randomUUID } from "node:crypto";
import { startHttpFake, type FakeOptions } from "./http-fake";

/**
 * Resend's email API on loopback: point the SDK at it with RESEND_BASE_URL. Like Resend, it keeps each
 * Idempotency-Key it accepted: the same key with the same payload gets the original id and nothing new is sent; the
 * same key with another payload is refused with 409 invalid_idempotent_request.
 */
export async function startResendFake(options: FakeOptions = {}) {
  const accepted = new Map<string, { body: string; id: string }>();
  const fake = await startHttpFake((request) => {
    if (request.method === "POST" && request.path === "/emails") {
      const key = request.headers["idempotency-key"];
      const earlier = typeof key === "string" ? accepted.get(key) : undefined;
      if (earlier && earlier.body !== request.body) {
        return {
          status: 409,
          body: {
            name: "invalid_idempotent_request",
            message: "Same idempotency key used with a different request payload.",
            statusCode: 409,
          },
        };
      }
      if (earlier) return { status: 200, body: { id: earlier.id } };
      const id = randomUUID();
      if (typeof key === "string") accepted.set(key, { body: request.body, id });
      return { status: 200, body: { id } };
    }
    return { status: 404, body: { name: "not_found", message: "Unknown endpoint", statusCode: 404 } };
  }, options);
  return Object.assign(fake, {
    /** Forgets the requests recorded and the idempotency keys accepted (queued replies and outages stay as set). */
    reset() {
      fake.requests.length = 0;
      accepted.clear();
    },
  });
}

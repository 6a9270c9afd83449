import { randomUUID } from "node:crypto";
import { startHttpFake, type FakeOptions } from "./http-fake";

/** Resend's email API on loopback: point the SDK at it with RESEND_BASE_URL. */
export function startResendFake(options: FakeOptions = {}) {
  return startHttpFake((request) => {
    if (request.method === "POST" && request.path === "/emails") {
      return { status: 200, body: { id: randomUUID() } };
    }
    return { status: 404, body: { name: "not_found", message: "Unknown endpoint", statusCode: 404 } };
  }, options);
}

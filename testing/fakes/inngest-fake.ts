import { randomUUID } from "node:crypto";
import { startHttpFake, type RecordedRequest } from "./http-fake";

/** Inngest's event API on loopback: point the SDK at it with INNGEST_BASE_URL (or INNGEST_EVENT_API_BASE_URL). */
export function startInngestFake() {
  return startHttpFake((request) => {
    if (request.method === "POST" && request.path.startsWith("/e/")) {
      const events = Array.isArray(request.parsed) ? request.parsed : [request.parsed];
      return { status: 200, body: { ids: events.map(() => randomUUID()), status: 200 } };
    }
    // The SDK registers the app's functions here when /api/inngest receives a PUT (a sync).
    if (request.method === "POST" && request.path.startsWith("/fn/register"))
      return { status: 200, body: { ok: true, modified: true } };
    return { status: 404, body: { error: "not found" } };
  });
}

/** Every event the fake received, flattened, as { name, data, id }. */
export function receivedEvents(
  requests: RecordedRequest[],
): { name: string; data: Record<string, unknown>; id?: string }[] {
  return requests
    .filter((r) => r.path.startsWith("/e/"))
    .flatMap(
      (r) =>
        (Array.isArray(r.parsed) ? r.parsed : [r.parsed]) as {
          name: string;
          data: Record<string, unknown>;
          id?: string;
        }[],
    );
}

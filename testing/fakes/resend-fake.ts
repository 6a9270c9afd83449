import { randomUUID } from "node:crypto";
import { startHttpFake, type FakeOptions, type RecordedRequest } from "./http-fake";

/** An attachment as Resend received it (content base64, as the SDK sends it), with its content decoded. */
export type ReceivedAttachment = { filename: string; contentType?: string; content: string; text: string };
export type ReceivedEmail = {
  id: string;
  to: string | string[];
  subject: string;
  text?: string;
  html?: string;
  attachments: ReceivedAttachment[];
};

type RawAttachment = { filename?: string; content_type?: string; content?: string };

function attachmentsOf(request: RecordedRequest): ReceivedAttachment[] {
  const raw = ((request.parsed as { attachments?: RawAttachment[] } | undefined)?.attachments ?? []) as RawAttachment[];
  return raw.map((a) => ({
    filename: a.filename ?? "",
    contentType: a.content_type,
    content: a.content ?? "",
    text: Buffer.from(a.content ?? "", "base64").toString("utf8"),
  }));
}

/**
 * Resend's email API on loopback: point the SDK at it with RESEND_BASE_URL. Like Resend, it keeps each
 * Idempotency-Key it accepted: the same key with the same payload gets the original id and nothing new is sent; the
 * same key with another payload is refused with 409 invalid_idempotent_request.
 */
export async function startResendFake(options: FakeOptions = {}) {
  const accepted = new Map<string, { body: string; id: string }>();
  // Every email accepted (not replays of one), attachments kept and decoded, oldest first.
  const emails: ReceivedEmail[] = [];
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
      const parsed = request.parsed as Omit<ReceivedEmail, "id" | "attachments">;
      emails.push({ ...parsed, id, attachments: attachmentsOf(request) });
      return { status: 200, body: { id } };
    }
    return { status: 404, body: { name: "not_found", message: "Unknown endpoint", statusCode: 404 } };
  }, options);
  return Object.assign(fake, {
    emails,
    /** Forgets the requests recorded and the idempotency keys accepted (queued replies and outages stay as set). */
    reset() {
      fake.requests.length = 0;
      emails.length = 0;
      accepted.clear();
    },
  });
}

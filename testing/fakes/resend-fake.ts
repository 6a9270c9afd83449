import { randomUUID } from "node:crypto";
import { Webhook } from "svix";
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

/** The signing secret tests configure as RESEND_WEBHOOK_SECRET (svix's whsec_ form: base64 of the key). */
export const RESEND_TEST_WEBHOOK_SECRET = `whsec_${Buffer.from("resend-fake-webhook-signing-key!").toString("base64")}`;

/**
 * Resend's email API on loopback: point the SDK at it with RESEND_BASE_URL. Like Resend, it keeps each
 * Idempotency-Key it accepted: the same key with the same payload gets the original id and nothing new is sent; the
 * same key with another payload is refused with 409 invalid_idempotent_request.
 */
export async function startResendFake(options: FakeOptions & { webhookSecret?: string } = {}) {
  const webhookSecret = options.webhookSecret ?? RESEND_TEST_WEBHOOK_SECRET;
  const accepted = new Map<string, { body: string; id: string }>();
  // Every email accepted (not replays of one), attachments kept and decoded, oldest first.
  const emails: ReceivedEmail[] = [];
  /** An accepted email's recipients, so a webhook can name them as Resend's do. */
  const recipientsOf = (id: string): string[] => {
    const to = emails.find((email) => email.id === id)?.to;
    return Array.isArray(to) ? to : to ? [to] : [];
  };
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
    webhookSecret,
    /** The ids of the emails accepted so far, oldest first. */
    emailIds: () => emails.map((email) => email.id),
    /**
     * Resend's webhook for an email it accepted, signed by svix with the whsec_ secret, as a Request to `origin`.
     * `svixId` repeats a delivery (a replay); `secret` signs with another secret (a forgery).
     */
    webhookRequest(
      type: string,
      emailId: string,
      extra: { bounceType?: string; svixId?: string; secret?: string; origin?: string; sentAt?: Date } = {},
    ) {
      const svixId = extra.svixId ?? `msg_${randomUUID().replace(/-/g, "")}`;
      const sentAt = extra.sentAt ?? new Date();
      const payload = JSON.stringify({
        type,
        created_at: sentAt.toISOString(),
        data: {
          email_id: emailId,
          to: recipientsOf(emailId),
          ...(extra.bounceType ? { bounce: { type: extra.bounceType, subType: "General", message: "bounced" } } : {}),
        },
      });
      const signature = new Webhook(extra.secret ?? webhookSecret).sign(svixId, sentAt, payload);
      return new Request(new URL("/api/resend/webhook", extra.origin ?? "http://127.0.0.1:3000"), {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "svix-id": svixId,
          "svix-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
          "svix-signature": signature,
        },
        body: payload,
      });
    },
    /** Posts the signed webhook to a running app at `origin`, as Resend would. */
    sendWebhook(origin: string, type: string, emailId: string, extra: { bounceType?: string } = {}) {
      return fetch(this.webhookRequest(type, emailId, { ...extra, origin }));
    },
    /** Forgets the requests recorded and the idempotency keys accepted (queued replies and outages stay as set). */
    reset() {
      fake.requests.length = 0;
      emails.length = 0;
      accepted.clear();
    },
  });
}

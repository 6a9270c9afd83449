import { z } from "zod";

// Shared rules for input at every boundary (DESIGN.md, invariant 8): ids are UUIDs, text carries no control
// characters, bodies have a size limit; whatever breaks a rule gets a clear 4xx and writes nothing.

/** A record id from a route, a page or a form: a UUID, or "not found" before any query runs. */
export const recordId = (message = "Not found.") => z.uuid(message);

/** True for a UUID; pages use it to answer 404 for `[id]` segments that are not one (e.g. 36 dashes). */
export const isRecordId = (value: unknown): value is string => recordId().safeParse(value).success;

// C0 and C1 controls (NUL included, which PostgreSQL refuses in text) and the bidirectional overrides and isolates
// that make text display other than it reads ("Trojan Source"). Tab and line breaks are allowed where lines are.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const CONTROL_OR_BREAK = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** Text as people type it (any script, emoji included), without control characters; one line unless `multiline`. */
export function plainText({
  max,
  multiline = false,
  label = "This field",
}: {
  max: number;
  multiline?: boolean;
  label?: string;
}) {
  return z
    .string()
    .trim()
    .max(max, `${label} is too long (at most ${max} characters).`)
    .refine(
      (value) => !(multiline ? CONTROL : CONTROL_OR_BREAK).test(value),
      `${label} contains characters that cannot be saved.`,
    );
}

/** The largest request body a route handler reads: Twilio's webhooks are a few kB; forms are far below this. */
export const MAX_BODY_BYTES = 64 * 1024;

/** The body as text, or a 413 answer when it is larger than `maxBytes` (by Content-Length, or as it streams in). */
export async function readBodyText(request: Request, maxBytes = MAX_BODY_BYTES): Promise<string | Response> {
  const tooLarge = () =>
    Response.json({ error: `The request body is too large (at most ${maxBytes} bytes).` }, { status: 413 });
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** A form-encoded body (what Twilio posts) as an object, or the 413 answer. */
export async function readFormBody(
  request: Request,
  maxBytes = MAX_BODY_BYTES,
): Promise<Record<string, string> | Response> {
  const text = await readBodyText(request, maxBytes);
  return typeof text === "string" ? Object.fromEntries(new URLSearchParams(text)) : text;
}

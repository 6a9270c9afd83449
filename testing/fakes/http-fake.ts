import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedRequest = {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
  /** JSON or form bodies, parsed; otherwise undefined */
  parsed?: unknown;
};

export type FakeReply = { status: number; body: unknown; headers?: Record<string, string> };
export type FakeHandler = (request: RecordedRequest) => FakeReply | Promise<FakeReply>;
/** A queued reply computed when its request arrives: it may act first (e.g. change the database); undefined = the normal reply. */
export type FakeReplyHook = (request: RecordedRequest) => FakeReply | undefined | Promise<FakeReply | undefined>;

export type HttpFake = {
  url: string;
  requests: RecordedRequest[];
  /** Replies to come, used before the default handler: e.g. a 500 then normal service; `when` keeps it for a matching request. */
  queueReply(reply: FakeReply | FakeReplyHook, when?: (request: RecordedRequest) => boolean): void;
  /** While set, every request gets this reply: the service is down. */
  setOutage(reply: FakeReply | null): void;
  close(): Promise<void>;
};

function parseBody(headers: IncomingMessage["headers"], body: string): unknown {
  const type = headers["content-type"] ?? "";
  if (type.includes("application/json")) return body ? JSON.parse(body) : undefined;
  if (type.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(body));
  return undefined;
}

export type FakeOptions = {
  /** milliseconds before each reply, as a real API's latency (the benchmark uses 50) */
  delayMs?: number;
  /** a fixed port, for a fake other processes must find; 0 (the default) picks a free one */
  port?: number;
};

/** A loopback HTTP server standing in for an outside API; it records every request it receives. */
export async function startHttpFake(handler: FakeHandler, options: FakeOptions = {}): Promise<HttpFake> {
  const requests: RecordedRequest[] = [];
  const queued: { reply: FakeReply | FakeReplyHook; when?: (request: RecordedRequest) => boolean }[] = [];
  let outage: FakeReply | null = null;
  const takeQueued = async (request: RecordedRequest): Promise<FakeReply | undefined> => {
    const index = queued.findIndex((entry) => !entry.when || entry.when(request));
    if (index < 0) return undefined;
    const [{ reply }] = queued.splice(index, 1) as [(typeof queued)[number]];
    if (typeof reply !== "function") return reply;
    try {
      return await reply(request);
    } catch (error) {
      // A failing hook fails the test's request visibly instead of leaving it hanging.
      return { status: 500, body: { message: `fake hook failed: ${(error as Error).message}` } };
    }
  };
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const recorded: RecordedRequest = {
      method: req.method ?? "GET",
      path: req.url ?? "/",
      headers: req.headers,
      body,
      parsed: parseBody(req.headers, body),
    };
    requests.push(recorded);
    const reply = outage ?? (await takeQueued(recorded)) ?? (await handler(recorded));
    if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
    res.end(JSON.stringify(reply.body));
  });
  // Longer than any client's idle keep-alive (undici: 4 s), so a reused socket is never closed under a busy test's
  // next request (seen as a transient "Unable to fetch data" from the Resend SDK on a loaded machine).
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    queueReply: (reply, when) => {
      queued.push({ reply, when });
    },
    setOutage: (reply) => {
      outage = reply;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

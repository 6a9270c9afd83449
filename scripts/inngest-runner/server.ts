import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { renderDashboard } from "./dashboard";
import { InngestRunnerCore, type RunnerOptions, type SendableEvent } from "./runner";
import type { Registration } from "./registry";

export type InngestRunner = InngestRunnerCore & {
  /** http://127.0.0.1:<port>: what the app's INNGEST_BASE_URL points at */
  url: string;
  /** Syncs the apps, retrying until they answer or `timeoutMs` passes. */
  syncWhenReady(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
};

const MAX_BODY_BYTES = 5 * 1024 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, "body too large");
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    throw new HttpError(400, "body is not JSON");
  }
}

/**
 * A web page can reach loopback too: refuse its requests. A cross-origin POST carries Origin (and cannot send JSON
 * without a preflight this server never answers); a DNS-rebound name shows in Host.
 */
function refusal(request: IncomingMessage, port: number): HttpError | null {
  const host = request.headers.host ?? "";
  if (![`127.0.0.1:${port}`, `localhost:${port}`].includes(host)) return new HttpError(403, "unexpected Host");
  if (request.method === "POST") {
    if (request.headers.origin) return new HttpError(403, "requests from web pages are refused");
    if (!(request.headers["content-type"] ?? "").startsWith("application/json"))
      return new HttpError(415, "send application/json");
  }
  return null;
}

/**
 * The bundled local runner: Inngest's Dev Server protocol on 127.0.0.1 only. The app syncs to it (POST /fn/register)
 * and sends events to it (POST /e/:key); it calls the app's serve endpoint to run functions. Also:
 * GET / (a run log page), GET /api/functions, GET /api/runs, POST /api/runs/settle and POST /api/functions/:slug/invoke.
 */
export async function startInngestRunner(options: RunnerOptions & { port?: number } = {}): Promise<InngestRunner> {
  const core = new InngestRunnerCore(options);
  let port = 0;

  async function handle(request: IncomingMessage): Promise<{ status: number; body: unknown; html?: boolean }> {
    const denied = refusal(request, port);
    if (denied) throw denied;
    const { pathname, searchParams } = new URL(request.url ?? "/", "http://127.0.0.1");
    const method = request.method ?? "GET";
    if (method === "POST" && pathname.startsWith("/e/")) {
      const body = await readJson(request);
      const events = (Array.isArray(body) ? body : [body]) as SendableEvent[];
      if (events.some((e) => typeof e?.name !== "string" || e.name === ""))
        throw new HttpError(400, "every event needs a name");
      return { status: 200, body: { ids: await core.send(events), status: 200 } };
    }
    if (method === "POST" && pathname === "/fn/register") {
      const registration = (await readJson(request)) as Registration;
      if (!registration?.appName || !Array.isArray(registration.functions))
        throw new HttpError(400, "expected { appName, functions }");
      core.register(registration);
      return { status: 200, body: { ok: true, modified: true } };
    }
    if (method === "GET" && pathname === "/") return { status: 200, body: renderDashboard(core), html: true };
    // The SDK's and the demo's probe for a Dev Server; this one says what it is.
    if (method === "GET" && pathname === "/dev")
      return { status: 200, body: { bundledRunner: true, functions: core.functions().length } };
    if (method === "GET" && pathname === "/api/functions")
      return { status: 200, body: { functions: core.functions(), nextCron: core.nextCronTimes() } };
    if (method === "GET" && pathname === "/api/runs") return { status: 200, body: { runs: core.runs } };
    if (method === "POST" && pathname === "/api/runs/settle") {
      await readJson(request);
      return { status: 200, body: { runs: await core.settle({ retries: searchParams.get("retries") !== "0" }) } };
    }
    const invoke = /^\/api\/functions\/([\w-]+)\/invoke$/.exec(pathname);
    if (method === "POST" && invoke) {
      const body = (await readJson(request)) as { data?: Record<string, unknown> };
      if (core.functions().length === 0) await core.sync();
      const run = core.invoke(invoke[1]!, body.data);
      if (!run) throw new HttpError(404, "no such function");
      if (searchParams.get("wait") !== "0") await core.settle();
      return { status: 200, body: { run, runs: core.runs } };
    }
    throw new HttpError(404, "not found");
  }

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    handle(request).then(
      ({ status, body, html }) => {
        response.writeHead(status, {
          "content-type": html ? "text/html; charset=utf-8" : "application/json",
          ...(html ? { "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'" } : {}),
        });
        response.end(html ? String(body) : JSON.stringify(body));
      },
      (error: unknown) => {
        const status = error instanceof HttpError ? error.status : 500;
        response.writeHead(status, { "content-type": "application/json" });
        response.end(JSON.stringify({ error: (error as Error).message }));
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return Object.assign(core, {
    url: `http://127.0.0.1:${port}`,
    async syncWhenReady(timeoutMs = 120_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        try {
          return await core.sync();
        } catch (error) {
          if (Date.now() > deadline) throw error;
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
      }
    },
    async stop() {
      core.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}

import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { Inngest, NonRetriableError, RetryAfterError } from "inngest";
import { serve } from "inngest/next";
import { vi } from "vitest";
import * as appRoute from "@/app/api/inngest/route";
import { inngest } from "@/inngest/client";
import { manualClock } from "./clock";
import { startInngestRunner } from "./server";

type Context = { params: Promise<Record<string, never>> };
type Handler = (request: never, context: Context) => Response | Promise<Response>;
export type RouteHandlers = { GET: Handler; POST: Handler; PUT: Handler };

async function toRequest(incoming: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (typeof value === "string" && !["host", "connection"].includes(name)) headers.set(name, value);
  }
  const method = incoming.method ?? "GET";
  return new Request(`${origin}${incoming.url}`, {
    method,
    headers,
    body: method === "GET" || method === "HEAD" ? undefined : Buffer.concat(chunks),
  });
}

/** Route handlers (as Next exports them) on a loopback server, each at its path: the app's /api/inngest, say. */
export async function mountRoutes(routes: Record<string, RouteHandlers>) {
  let origin = "";
  const server = createServer(async (incoming, outgoing) => {
    const request = await toRequest(incoming, origin);
    const route = routes[new URL(request.url).pathname];
    const handler = route?.[request.method as keyof RouteHandlers] as
      ((request: Request, context: Context) => Response | Promise<Response>) | undefined;
    const response = handler
      ? await handler(request, { params: Promise.resolve({}) })
      : new Response("not found", { status: 404 });
    outgoing.writeHead(response.status, Object.fromEntries(response.headers));
    outgoing.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A second app with what the portal's functions never do (sleep, fail a step once, refuse, throttle, idempotency),
 * served by the same SDK, so the runner's handling of each is tested on real SDK responses.
 */
export function protocolTestApp(runnerUrl: string, serveOrigin: string) {
  const client = new Inngest({ id: "runner-test", isDev: true, baseUrl: runnerUrl, logger: silentLogger });
  const calls = { flaky: 0, busy: 0, throttled: 0, keyed: 0, failures: [] as string[] };
  const functions = [
    client.createFunction({ id: "echo", triggers: [{ event: "test/echo" }] }, async ({ event }) => event.data),
    client.createFunction({ id: "flaky", triggers: [{ event: "test/flaky" }], retries: 2 }, async ({ step }) => {
      const first = await step.run("fails-once", () => {
        calls.flaky++;
        if (calls.flaky === 1) throw new Error("a blip");
        return "fine";
      });
      return { first, second: await step.run("after", () => "after") };
    }),
    client.createFunction({ id: "busy", triggers: [{ event: "test/busy" }] }, async ({ step }) =>
      step.run("wait-for-lease", () => {
        calls.busy++;
        if (calls.busy === 1) throw new RetryAfterError("claimed elsewhere", "90s");
        return "done";
      }),
    ),
    client.createFunction({ id: "sleeper", triggers: [{ event: "test/sleep" }] }, async ({ event, step }) => {
      await step.run("before", () => "before");
      await step.sleep("nap", "10m");
      await step.sleepUntil("until", new Date((event.data as { until: string }).until));
      return step.run("after", () => "awake");
    }),
    client.createFunction(
      {
        id: "refuser",
        triggers: [{ event: "test/refuse" }],
        retries: 3,
        onFailure: async ({ error }) => void calls.failures.push(error.message),
      },
      async ({ step }) =>
        step.run("refuse", () => {
          throw new NonRetriableError("this cannot work");
        }),
    ),
    client.createFunction(
      { id: "throttled", triggers: [{ event: "test/throttled" }], throttle: { limit: 1, period: "1m" } },
      async () => ++calls.throttled,
    ),
    client.createFunction(
      { id: "keyed", triggers: [{ event: "test/keyed" }], idempotency: "event.data.key" },
      async () => ++calls.keyed,
    ),
  ];
  const handlers = serve({ client, functions, serveOrigin, servePath: "/api/test-inngest" });
  return { handlers: handlers as unknown as RouteHandlers, calls };
}

const silentLogger = { info() {}, warn() {}, error() {}, debug() {} };

/**
 * The runner on a manual clock, driving the portal's real /api/inngest (its handler, as Next exports it, on a loopback
 * server) and the protocol test app; the portal sends its events to the runner, as with INNGEST_DEV=1.
 */
export async function startRunnerOnApps(start: number) {
  const clock = manualClock(start);
  const routes: Record<string, RouteHandlers> = {};
  const app = await mountRoutes(routes);
  const runner = await startInngestRunner({
    appUrls: [`${app.origin}/api/inngest`, `${app.origin}/api/test-inngest`],
    clock,
    backoffMs: (attempt) => attempt * 10_000,
    log: null,
  });
  vi.stubEnv("INNGEST_DEV", "1");
  vi.stubEnv("INNGEST_BASE_URL", runner.url);
  vi.stubEnv("INNGEST_SERVE_ORIGIN", app.origin);
  inngest.setEnvVars();
  const testApp = protocolTestApp(runner.url, app.origin);
  routes["/api/inngest"] = appRoute as unknown as RouteHandlers;
  routes["/api/test-inngest"] = testApp.handlers;
  await runner.sync();
  return {
    clock,
    runner,
    app,
    testApp,
    async stop() {
      vi.unstubAllEnvs();
      await runner.stop();
      await app.close();
    },
  };
}

import { randomUUID } from "node:crypto";
import { startHttpFake, type FakeReply } from "./http-fake";

/**
 * A small stand-in for the Inngest Dev Server, which cannot be installed here (its npm package downloads a binary).
 * It speaks the same HTTP protocol to the app's real /api/inngest endpoint: it syncs the app (PUT), takes events at
 * /e/:key, starts every function whose trigger matches, and drives each run step by step (206 = a step ran or was
 * planned, 200 = done), retrying a failed request as Inngest would. Crons run only when a test asks:
 * POST /test/cron/:functionSlug. GET /test/runs lists runs; POST /test/settle waits until none is running.
 * It ignores throttles, concurrency and idempotency keys (one process, a handful of events).
 */
type Trigger = { event?: string; cron?: string };
type RegisteredFunction = { id: string; slug: string; triggers: Trigger[]; url: string };
type InngestEvent = { id?: string; name: string; data: Record<string, unknown>; ts?: number };
type Op = { id: string; op: string; data?: unknown; error?: unknown; displayName?: string };
export type Run = {
  id: string;
  fn: string;
  event: string;
  status: "running" | "completed" | "failed";
  output?: unknown;
  error?: unknown;
};

const MAX_REQUESTS_PER_RUN = 50;
const MAX_ATTEMPTS = 3;

export async function startInngestDevServer({ appUrl, port = 0 }: { appUrl: string; port?: number }) {
  let functions: RegisteredFunction[] = [];
  const runs: Run[] = [];
  const seenEventIds = new Set<string>();
  const inFlight = new Set<Promise<void>>();

  async function sync(): Promise<void> {
    const response = await fetch(`${appUrl}/api/inngest`, { method: "PUT" });
    if (!response.ok) throw new Error(`sync failed: ${response.status} ${await response.text()}`);
  }

  async function call(
    fn: RegisteredFunction,
    stepId: string,
    event: InngestEvent,
    steps: Record<string, unknown>,
    runId: string,
    attempt: number,
  ) {
    const url = new URL(fn.url);
    url.searchParams.set("stepId", stepId);
    const body = {
      version: 2,
      event,
      events: [event],
      steps,
      ctx: { run_id: runId, attempt, disable_immediate_execution: false, use_api: false },
    };
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
  }

  /** One run: memoized step results go back with every request, like the real executor. */
  async function execute(fn: RegisteredFunction, event: InngestEvent): Promise<void> {
    const run: Run = { id: randomUUID(), fn: fn.slug, event: event.name, status: "running" };
    runs.push(run);
    const steps: Record<string, unknown> = {};
    const planned: string[] = [];
    let attempt = 0;
    for (let request = 0; request < MAX_REQUESTS_PER_RUN; request++) {
      const stepId = planned.shift() ?? "step";
      const reply = await call(fn, stepId, event, steps, run.id, attempt);
      if (reply.status === 200) {
        Object.assign(run, { status: "completed", output: reply.body });
        return;
      }
      if (reply.status === 206) {
        for (const op of reply.body as Op[]) {
          if (op.op === "StepPlanned") planned.push(op.id);
          else if (op.op === "StepError" || op.op === "StepFailed") {
            if (op.op === "StepFailed" || attempt + 1 >= MAX_ATTEMPTS) steps[op.id] = { error: op.error };
            else attempt++;
          } else {
            steps[op.id] = { data: op.data ?? null };
            attempt = 0;
          }
        }
        continue;
      }
      attempt++;
      if (reply.status === 400 || attempt >= MAX_ATTEMPTS) {
        Object.assign(run, { status: "failed", error: reply.body });
        return;
      }
    }
    Object.assign(run, { status: "failed", error: "too many requests for one run" });
  }

  function start(fn: RegisteredFunction, event: InngestEvent): void {
    const running = execute(fn, event)
      .catch((error: unknown) => {
        const run = runs.findLast((r) => r.fn === fn.slug && r.status === "running");
        if (run) Object.assign(run, { status: "failed", error: String(error) });
      })
      .finally(() => inFlight.delete(running));
    inFlight.add(running);
  }

  async function receive(events: InngestEvent[]): Promise<string[]> {
    if (functions.length === 0) await sync();
    return events.map((event) => {
      const id = event.id ?? randomUUID();
      // Inngest drops an event whose id it has already seen: the sweeps rely on this.
      if (event.id && seenEventIds.has(event.id)) return id;
      seenEventIds.add(id);
      const stamped = { ...event, id, ts: event.ts ?? Date.now() };
      for (const fn of functions) if (fn.triggers.some((t) => t.event === event.name)) start(fn, stamped);
      return id;
    });
  }

  async function settle(): Promise<void> {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  }

  const json = (status: number, body: unknown): FakeReply => ({ status, body });
  const fake = await startHttpFake(
    async (request) => {
      const path = request.path.split("?")[0]!;
      if (request.method === "POST" && path.startsWith("/e/")) {
        const events = (Array.isArray(request.parsed) ? request.parsed : [request.parsed]) as InngestEvent[];
        return json(200, { ids: await receive(events), status: 200 });
      }
      if (request.method === "POST" && path === "/fn/register") {
        const registration = request.parsed as {
          functions: { id: string; triggers: Trigger[]; steps: Record<string, { runtime: { url: string } }> }[];
        };
        functions = registration.functions.map((fn) => ({
          id: fn.id,
          slug: fn.id.replace(/^patient-portal-/, ""),
          triggers: fn.triggers,
          url: Object.values(fn.steps)[0]!.runtime.url,
        }));
        return json(200, { ok: true, modified: true });
      }
      if (request.method === "POST" && path.startsWith("/test/cron/")) {
        if (functions.length === 0) await sync();
        const fn = functions.find((f) => f.slug === path.slice("/test/cron/".length));
        if (!fn) return json(404, { error: "no such function" });
        start(fn, { name: "inngest/scheduled.timer", data: { cron: fn.triggers.find((t) => t.cron)?.cron } });
        await settle();
        return json(200, { runs });
      }
      if (request.method === "POST" && path === "/test/settle") {
        await settle();
        return json(200, { runs });
      }
      if (request.method === "GET" && path === "/test/runs") return json(200, { runs });
      return json(404, { error: "not found" });
    },
    { port },
  );
  return { ...fake, runs, settle };
}

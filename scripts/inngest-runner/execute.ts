import { retryAfterAt, sleepUntil } from "./durations";
import type { RegisteredFunction } from "./registry";
import type { Run, SerializedError, StepLog } from "./run";

/** An event as Inngest passes it to a function. */
export type InngestEvent = { id: string; name: string; data: Record<string, unknown>; ts: number; user?: unknown };

/** What a run needs from the runner around it. */
export type ExecutionContext = {
  now(): number;
  fetch: typeof fetch;
  /** delay before retry number `attempt` (1 = the first retry) */
  backoffMs(attempt: number): number;
  /** parks the run until `at` (a sleep or a retry); resolves once it may go on */
  waitUntil(run: Run, at: number, status: "sleeping" | "waiting-retry"): Promise<void>;
  /** the run's log entry changed */
  changed(): void;
};

type Op = {
  id: string;
  op: string;
  name?: string;
  displayName?: string;
  data?: unknown;
  error?: SerializedError;
  opts?: { duration?: string };
};
type Reply = {
  status: number;
  body: unknown;
  noRetry: boolean;
  retryAfter: string | null;
  version: number | undefined;
};

// A runaway function (a step id changing on every call) cannot loop for ever.
const MAX_REQUESTS_PER_RUN = 1000;
const REQUEST_TIMEOUT_MS = 10 * 60_000;
const UNSUPPORTED_OPS: Record<string, string> = {
  WaitForEvent: "step.waitForEvent",
  WaitForSignal: "step.waitForSignal",
  InvokeFunction: "step.invoke",
  AIGateway: "step.ai.infer",
  Gateway: "step.fetch",
};

/** One call request (SDK spec 4.4): the event, every memoized step, and where the run is. */
async function call(
  fn: RegisteredFunction,
  run: Run,
  event: InngestEvent,
  state: RunState,
  stepId: string,
  context: ExecutionContext,
): Promise<Reply> {
  const url = new URL(fn.url);
  url.searchParams.set("fnId", fn.id);
  url.searchParams.set("stepId", stepId);
  const body = {
    version: state.version ?? -1,
    event,
    events: [event],
    steps: state.memo,
    ctx: {
      run_id: run.id,
      attempt: run.attempt,
      max_attempts: fn.retries + 1,
      disable_immediate_execution: state.disableImmediateExecution,
      use_api: false,
      stack: { stack: state.stack, current: state.stack.length },
    },
  };
  const headers: Record<string, string> = { "content-type": "application/json", "x-inngest-server-kind": "dev" };
  if (state.version !== undefined) headers["x-inngest-req-version"] = String(state.version);
  try {
    const response = await context.fetch(url, {
      method: "POST",
      headers,
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON (a proxy's error page): kept as text for the run log
    }
    const version = Number(response.headers.get("x-inngest-req-version") ?? NaN);
    return {
      status: response.status,
      body: parsed,
      noRetry: response.headers.get("x-inngest-no-retry") === "true",
      retryAfter: response.headers.get("retry-after"),
      version: Number.isInteger(version) ? version : undefined,
    };
  } catch (error) {
    // The app is down or restarting: a retriable failure, like a 5xx.
    const { name, message } = error as Error;
    return { status: 0, body: { name, message }, noRetry: false, retryAfter: null, version: undefined };
  }
}

type RunState = {
  memo: Record<string, unknown>;
  stack: string[];
  planned: Op[];
  sleeps: { op: Op; at: number }[];
  disableImmediateExecution: boolean;
  version?: number;
};

const stepName = (op: Op) => op.displayName ?? op.name ?? op.id;

/**
 * Drives one run to its end through the app's serve endpoint, as Inngest's executor does: each reply's ops are
 * memoized (StepRun), planned (StepPlanned), slept (Sleep) or retried (StepError, 5xx) with the retry's attempt number,
 * after Retry-After when the app gives one, else after the backoff; a 4xx or X-Inngest-No-Retry ends it as failed.
 */
export async function execute(
  fn: RegisteredFunction,
  run: Run,
  event: InngestEvent,
  context: ExecutionContext,
): Promise<void> {
  const state: RunState = { memo: {}, stack: [], planned: [], sleeps: [], disableImmediateExecution: false };
  const finish = (status: "completed" | "failed", result: { output?: unknown; error?: unknown }) => {
    Object.assign(run, { status, endedAt: context.now(), wakeAt: undefined }, result);
    context.changed();
  };
  const log = (entry: Omit<StepLog, "at" | "attempts">) => {
    const existing = run.steps.findLast((s) => s.id === entry.id && s.status !== "completed");
    const attempts = run.attempt + 1;
    if (existing) Object.assign(existing, entry, { at: context.now(), attempts });
    else run.steps.push({ ...entry, at: context.now(), attempts });
    context.changed();
  };
  const memoize = (id: string, value: unknown) => {
    state.memo[id] = value;
    state.stack.push(id);
  };
  const retryAt = (reply: Reply) =>
    retryAfterAt(reply.retryAfter, context.now()) ?? context.now() + context.backoffMs(run.attempt + 1);

  let stepId = "step";
  for (;;) {
    if (run.requests >= MAX_REQUESTS_PER_RUN)
      return finish("failed", { error: { name: "RunnerLimit", message: `over ${MAX_REQUESTS_PER_RUN} requests` } });
    run.requests++;
    const reply = await call(fn, run, event, state, stepId, context);
    state.version = reply.version ?? state.version;
    if (reply.status === 200) return finish("completed", { output: reply.body });

    if (reply.status === 206) {
      const ops = (Array.isArray(reply.body) ? reply.body : [reply.body]) as Op[];
      // Steps reported together ran in parallel: from now on each is planned before it runs (SDK spec 5.5).
      if (ops.length > 1) state.disableImmediateExecution = true;
      let retry = false;
      for (const op of ops) {
        if (op.op === "StepRun" || op.op === "Step") {
          memoize(op.id, { data: op.data ?? null });
          log({ id: op.id, name: stepName(op), status: "completed", output: op.data ?? null });
          run.attempt = 0;
        } else if (op.op === "StepError" && !reply.noRetry && run.attempt < fn.retries) {
          log({ id: op.id, name: stepName(op), status: "errored", error: op.error });
          retry = true;
        } else if (op.op === "StepError" || op.op === "StepFailed") {
          // Final: the function sees the error (a StepError it may catch) on its next call.
          memoize(op.id, { error: op.error ?? { name: "Error", message: "step failed" } });
          log({ id: op.id, name: stepName(op), status: "failed", error: op.error });
          run.attempt = 0;
        } else if (op.op === "StepPlanned") {
          state.planned.push(op);
        } else if (op.op === "Sleep") {
          const at = sleepUntil(op.opts?.duration ?? op.name ?? "", context.now());
          if (at === null) return finish("failed", { error: { name: "RunnerError", message: `bad sleep ${op.name}` } });
          state.sleeps.push({ op, at });
        } else if (op.op === "RunComplete") {
          return finish("completed", { output: op.data ?? null });
        } else {
          const what = UNSUPPORTED_OPS[op.op] ?? op.op;
          return finish("failed", {
            error: { name: "NotSupported", message: `${what} is not supported by the bundled runner` },
          });
        }
      }
      if (retry) {
        const at = retryAt(reply);
        run.attempt++;
        await context.waitUntil(run, at, "waiting-retry");
        continue;
      }
      const planned = state.planned.shift();
      if (planned) {
        stepId = planned.id;
        continue;
      }
      state.sleeps.sort((a, b) => a.at - b.at);
      const sleep = state.sleeps.shift();
      if (sleep) {
        log({ id: sleep.op.id, name: stepName(sleep.op), status: "sleeping", wakeAt: sleep.at });
        await context.waitUntil(run, sleep.at, "sleeping");
        memoize(sleep.op.id, null);
        log({ id: sleep.op.id, name: stepName(sleep.op), status: "slept" });
      }
      stepId = "step";
      continue;
    }

    // The function itself failed (or the app could not be reached): retried as a whole unless it says not to.
    const refused = reply.status >= 400 && reply.status < 500;
    if (reply.noRetry || refused || run.attempt >= fn.retries) return finish("failed", { error: reply.body });
    const at = retryAt(reply);
    run.attempt++;
    await context.waitUntil(run, at, "waiting-retry");
  }
}

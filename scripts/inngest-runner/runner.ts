import { randomUUID } from "node:crypto";
import { systemClock, type Clock } from "./clock";
import { CronSchedule, nextCronTime } from "./cron";
import { execute, type InngestEvent } from "./execute";
import { FlowControl } from "./flow-control";
import { registeredFunctions, type RegisteredFunction, type Registration } from "./registry";
import { isFinished, type Run } from "./run";

export type RunnerOptions = {
  /** serve endpoints to sync (PUT) at start and before the first event, e.g. http://127.0.0.1:3000/api/inngest */
  appUrls?: string[];
  clock?: Clock;
  /** run crons on their schedules (default true); invoke() runs one at any time */
  schedule?: boolean;
  /** delay before retry `attempt` (1 = the first retry); default 2 s doubling to 60 s, ±20 % */
  backoffMs?: (attempt: number) => number;
  /** one line per sync and finished run (no event data, no outputs); default console.log; null for none */
  log?: ((line: string) => void) | null;
  /** how many runs the log keeps (default 1,000; finished ones are dropped first) */
  keepRuns?: number;
  fetch?: typeof fetch;
};

export type SendableEvent = { id?: string; name: string; data?: Record<string, unknown>; ts?: number; user?: unknown };

const DAY_MS = 24 * 3600_000;
const defaultBackoff = (attempt: number) => Math.min(2000 * 2 ** (attempt - 1), 60_000) * (0.8 + Math.random() * 0.4);

/** The executor: functions synced from apps, events in, runs out, crons on a clock. No HTTP of its own (server.ts). */
export class InngestRunnerCore {
  readonly runs: Run[] = [];
  readonly clock: Clock;
  private readonly apps = new Map<string, RegisteredFunction[]>();
  private readonly seenEvents = new Map<string, number>();
  private readonly crons: CronSchedule;
  private readonly flow: FlowControl;
  private readonly waiters = new Set<() => void>();
  private readonly log: (line: string) => void;
  private closed = false;

  constructor(private readonly options: RunnerOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.flow = new FlowControl(this.clock);
    this.crons = new CronSchedule(this.clock, (functionId, cron, at) => {
      const fn = this.functions().find((f) => f.id === functionId);
      // One run per function and scheduled time, whatever fires it.
      const id = `cron-${functionId}-${new Date(at).toISOString()}`;
      if (fn && this.firstSighting(id)) this.start(fn, { id, name: "inngest/scheduled.timer", data: { cron }, ts: at });
    });
    this.log = options.log === null ? () => {} : (options.log ?? ((line) => console.log(line)));
  }

  functions(): RegisteredFunction[] {
    return [...this.apps.values()].flat();
  }

  /** Asks each app to sync (PUT); the app answers by POSTing its functions to /fn/register. */
  async sync(): Promise<void> {
    const fetcher = this.options.fetch ?? fetch;
    for (const url of this.options.appUrls ?? []) {
      // As the Dev Server pings: JSON naming the URL (/api/inngest in dev mode refuses a PUT without a JSON type).
      const response = await fetcher(url, {
        method: "PUT",
        headers: { "content-type": "application/json", "x-inngest-server-kind": "dev" },
        body: JSON.stringify({ url }),
      });
      if (!response.ok) throw new Error(`syncing ${url} failed: ${response.status} ${await response.text()}`);
    }
  }

  /** An app's functions (POST /fn/register): replaces what that app had, and (re)schedules its crons. */
  register(registration: Registration): RegisteredFunction[] {
    const functions = registeredFunctions(registration);
    this.apps.set(registration.appName, functions);
    for (const fn of functions) {
      if (fn.ignored.length > 0) this.log(`[inngest-runner] ${fn.slug}: not applied here: ${fn.ignored.join(", ")}`);
    }
    if (this.options.schedule !== false && !this.closed) {
      this.crons.update(this.functions().flatMap((fn) => fn.crons.map((cron) => ({ functionId: fn.id, cron }))));
    }
    this.log(`[inngest-runner] synced ${registration.appName}: ${functions.length} functions`);
    return functions;
  }

  /** Events in (POST /e/:key): an id seen in the last 24 h is dropped, as Inngest does; returns the ids. */
  async send(events: SendableEvent[]): Promise<string[]> {
    if (this.functions().length === 0 && (this.options.appUrls ?? []).length > 0) await this.sync();
    return events.map((sent) => {
      const event: InngestEvent = {
        ...sent,
        id: sent.id ?? randomUUID(),
        data: sent.data ?? {},
        ts: sent.ts ?? this.clock.now(),
      };
      if (!this.firstSighting(event.id)) return event.id;
      for (const fn of this.functions()) {
        if (fn.events.some((trigger) => matches(trigger, event))) this.start(fn, event);
      }
      return event.id;
    });
  }

  /** Runs a function now: a cron as its schedule would, any other with `inngest/function.invoked` and `data`. */
  invoke(slug: string, data: Record<string, unknown> = {}): Run | null {
    const fn = this.functions().find((f) => f.slug === slug || f.id === slug);
    if (!fn) return null;
    const name = fn.crons.length > 0 ? "inngest/scheduled.timer" : "inngest/function.invoked";
    const cronData = fn.crons.length > 0 ? { cron: fn.crons[0] } : data;
    return this.start(fn, { id: randomUUID(), name, data: cronData, ts: this.clock.now() });
  }

  /** When each cron function next fires, by slug. */
  nextCronTimes(): Record<string, number> {
    const times: Record<string, number> = {};
    for (const fn of this.functions()) {
      for (const cron of fn.crons) {
        const at = nextCronTime(cron, this.clock.now());
        if (at !== null && !(times[fn.slug]! <= at)) times[fn.slug] = at;
      }
    }
    return times;
  }

  /**
   * Resolves once no run is queued or running (and, with `retries`, none is waiting to retry or for its throttle).
   * Sleeping runs do not count: they go on when their time comes.
   */
  async settle({ retries = true }: { retries?: boolean } = {}): Promise<Run[]> {
    const waits = ["waiting-retry", "throttled"];
    const busy = (run: Run) =>
      run.status === "queued" || run.status === "running" || (retries && waits.includes(run.status));
    while (this.runs.some(busy)) await new Promise<void>((resolve) => this.waiters.add(resolve));
    return this.runs;
  }

  /** Stops the crons and starts nothing more; runs parked on a timer stay parked. */
  close(): void {
    this.closed = true;
    this.crons.stop();
    this.flow.close();
  }

  private changed = () => {
    const waiting = [...this.waiters];
    this.waiters.clear();
    for (const resolve of waiting) resolve();
  };

  private firstSighting(eventId: string): boolean {
    const now = this.clock.now();
    for (const [id, at] of this.seenEvents) {
      if (at > now - DAY_MS) break;
      this.seenEvents.delete(id);
    }
    if (this.seenEvents.has(eventId)) return false;
    this.seenEvents.set(eventId, now);
    return true;
  }

  private start(fn: RegisteredFunction, event: InngestEvent): Run | null {
    if (this.closed || !this.flow.firstForIdempotencyKey(fn, event)) return null;
    const run: Run = {
      id: randomUUID(),
      fn: fn.slug,
      functionId: fn.id,
      app: fn.app,
      event: event.name,
      eventId: event.id,
      status: "queued",
      attempt: 0,
      requests: 0,
      queuedAt: this.clock.now(),
      steps: [],
    };
    this.runs.push(run);
    this.forget();
    this.changed();
    void this.drive(fn, run, event);
    return run;
  }

  private async drive(fn: RegisteredFunction, run: Run, event: InngestEvent): Promise<void> {
    await this.flow.throttle(fn, (until) => {
      Object.assign(
        run,
        until === null ? { status: "queued", wakeAt: undefined } : { status: "throttled", wakeAt: until },
      );
      this.changed();
    });
    await this.flow.acquire(fn);
    Object.assign(run, { status: "running", startedAt: this.clock.now() });
    this.changed();
    try {
      await execute(fn, run, event, {
        now: () => this.clock.now(),
        fetch: this.options.fetch ?? fetch,
        backoffMs: this.options.backoffMs ?? defaultBackoff,
        changed: this.changed,
        waitUntil: (parked, at, status) => this.park(fn, parked, at, status),
      });
    } catch (error) {
      Object.assign(run, { status: "failed", endedAt: this.clock.now(), error: { message: String(error) } });
    } finally {
      this.flow.release(fn);
      this.changed();
    }
    const took = (run.endedAt ?? this.clock.now()) - (run.startedAt ?? run.queuedAt);
    const why = run.status === "failed" ? `: ${(run.error as { name?: string } | null)?.name ?? "error"}` : "";
    this.log(
      `[inngest-runner] ${run.status} ${fn.slug} ← ${event.name} in ${took} ms, ${run.steps.length} steps${why}`,
    );
    if (run.status === "failed" && event.name !== "inngest/function.failed") {
      void this.send([
        { name: "inngest/function.failed", data: { function_id: fn.id, run_id: run.id, error: run.error, event } },
      ]);
    }
  }

  /** A sleeping or retrying run gives up its concurrency slot until its time, then queues for one again. */
  private async park(fn: RegisteredFunction, run: Run, at: number, status: "sleeping" | "waiting-retry") {
    Object.assign(run, { status, wakeAt: at });
    this.flow.release(fn);
    this.changed();
    await new Promise<void>((resolve) =>
      this.clock.setTimer(at, () => {
        // Set before any await, so settle() sees the run busy from the moment it wakes.
        Object.assign(run, { status: "queued", wakeAt: undefined });
        this.changed();
        resolve();
      }),
    );
    await this.flow.acquire(fn);
    run.status = "running";
    this.changed();
  }

  /** Keeps the log bounded: the oldest finished runs go first. */
  private forget(): void {
    const keep = this.options.keepRuns ?? 1000;
    while (this.runs.length > keep) {
      const index = this.runs.findIndex(isFinished);
      if (index < 0) return;
      this.runs.splice(index, 1);
    }
  }
}

/** An event trigger: the exact name or a prefix wildcard such as `portal/*`, and its `==` expression if any. */
function matches(trigger: RegisteredFunction["events"][number], event: InngestEvent): boolean {
  const { name, where } = trigger;
  if (!(name.endsWith("/*") ? event.name.startsWith(name.slice(0, -1)) : name === event.name)) return false;
  if (!where) return true;
  let value: unknown = event;
  for (const part of where.path) value = (value as Record<string, unknown> | undefined)?.[part];
  return value === where.equals;
}

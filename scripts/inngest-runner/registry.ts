import { parseTimeString } from "./durations";

/** A function as an app describes it when it syncs (POST /fn/register, Inngest's SDK spec 4.3.2). */
type FunctionConfig = {
  id: string;
  name?: string;
  triggers: { event?: string; expression?: string; cron?: string }[];
  steps: Record<string, { runtime: { url: string }; retries?: { attempts?: number } }>;
  idempotency?: string;
  throttle?: { limit: number; period: string; key?: string };
  concurrency?: number | { limit: number; key?: string } | { limit: number; key?: string }[];
  [option: string]: unknown;
};
export type Registration = { url: string; appName: string; functions: FunctionConfig[] };

export type RegisteredFunction = {
  /** composite id, `<app>-<function>` */
  id: string;
  /** the function's own id, without the app's prefix */
  slug: string;
  app: string;
  name: string;
  /** event triggers; `where`: the one expression form evaluated here, `event.data.… == 'value'` (onFailure's) */
  events: { name: string; where?: { path: string[]; equals: string } }[];
  crons: string[];
  url: string;
  /** retries after the first attempt (Inngest's default is 4) */
  retries: number;
  /** an `event.data.…` path whose value runs a function once per 24 h */
  idempotencyPath?: string[];
  throttle?: { limit: number; periodMs: number };
  concurrency?: number;
  /** options this runner does not apply, named so the operator knows */
  ignored: string[];
};

const DEFAULT_RETRIES = 4;
// Flow control the runner does not implement; a function using one still runs, without it.
const UNSUPPORTED = ["rateLimit", "debounce", "batchEvents", "cancel", "priority", "singleton", "timeouts"];

/** `event.data.a.b` → ["data", "a", "b"]; anything richer (CEL) is not evaluated here. */
function eventPath(expression: string): string[] | null {
  const match = /^event\.(data(?:\.[A-Za-z_][\w]*)+)$/.exec(expression.trim());
  return match ? match[1]!.split(".") : null;
}

/** `event.data.a == 'x'` (or "x") → a path and a value; null for any other expression. */
function equality(expression: string): { path: string[]; equals: string } | null {
  const match = /^\s*(event\.data(?:\.[A-Za-z_]\w*)+)\s*==\s*(?:'([^']*)'|"([^"]*)")\s*$/.exec(expression);
  return match ? { path: match[1]!.split(".").slice(1), equals: match[2] ?? match[3]! } : null;
}

export function registeredFunctions(registration: Registration): RegisteredFunction[] {
  return registration.functions.map((config) => {
    const step = Object.values(config.steps)[0];
    if (!step) throw new Error(`function ${config.id} has no step to call`);
    const ignored = UNSUPPORTED.filter((option) => config[option] !== undefined);
    const expressions = config.triggers.map((t) => (t.expression ? equality(t.expression) : undefined));
    if (expressions.some((e) => e === null)) ignored.push("trigger expression (every event of the name runs it)");
    const idempotencyPath = config.idempotency ? eventPath(config.idempotency) : null;
    if (config.idempotency && !idempotencyPath) ignored.push(`idempotency "${config.idempotency}"`);
    const periodMs = config.throttle ? parseTimeString(config.throttle.period) : null;
    if (config.throttle?.key) ignored.push("throttle key (one limit for all runs)");
    const concurrency = [config.concurrency ?? []].flat().map((c) => (typeof c === "number" ? { limit: c } : c));
    if (concurrency.some((c) => c.key)) ignored.push("concurrency key (one limit for all runs)");
    const limits = concurrency.map((c) => c.limit).filter((limit) => limit > 0);
    return {
      id: config.id,
      slug: config.id.startsWith(`${registration.appName}-`)
        ? config.id.slice(registration.appName.length + 1)
        : config.id,
      app: registration.appName,
      name: config.name ?? config.id,
      events: config.triggers.flatMap((t, i) =>
        t.event ? [{ name: t.event, where: expressions[i] ?? undefined }] : [],
      ),
      crons: config.triggers.flatMap((t) => (t.cron ? [t.cron] : [])),
      url: step.runtime.url,
      retries: step.retries?.attempts ?? DEFAULT_RETRIES,
      idempotencyPath: idempotencyPath ?? undefined,
      throttle: config.throttle && periodMs ? { limit: config.throttle.limit, periodMs } : undefined,
      concurrency: limits.length > 0 ? Math.min(...limits) : undefined,
      ignored,
    };
  });
}

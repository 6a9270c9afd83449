import { Cron } from "croner";
import type { Clock } from "./clock";

/**
 * The next time a cron trigger fires strictly after `after`. Inngest crons are UTC unless the expression starts with
 * `TZ=<zone> ` (e.g. `TZ=Europe/Paris 0 9 * * *`).
 */
export function nextCronTime(expression: string, after: number): number | null {
  const match = /^(?:CRON_)?TZ=(\S+)\s+(.*)$/.exec(expression.trim());
  const [timezone, pattern] = match ? [match[1]!, match[2]!] : ["UTC", expression.trim()];
  const next = new Cron(pattern, { timezone, paused: true }).nextRun(new Date(after));
  return next ? next.getTime() : null;
}

/**
 * One timer per (function, cron expression), each re-armed after it fires. A time missed while the machine slept fires
 * once, late, and is not caught up, as with Inngest.
 */
export class CronSchedule {
  private readonly timers = new Map<string, () => void>();

  constructor(
    private readonly clock: Clock,
    private readonly fire: (functionId: string, cron: string, at: number) => void,
  ) {}

  /** Schedules what is wanted and drops the rest; a trigger already scheduled keeps its timer. */
  update(wanted: { functionId: string; cron: string }[]): void {
    const keys = new Set(wanted.map(({ functionId, cron }) => `${functionId} ${cron}`));
    for (const [key, cancel] of this.timers) {
      if (keys.has(key)) continue;
      cancel();
      this.timers.delete(key);
    }
    for (const { functionId, cron } of wanted) {
      if (!this.timers.has(`${functionId} ${cron}`)) this.arm(functionId, cron, this.clock.now());
    }
  }

  stop(): void {
    for (const cancel of this.timers.values()) cancel();
    this.timers.clear();
  }

  private arm(functionId: string, cron: string, after: number): void {
    const at = nextCronTime(cron, after);
    if (at === null) return;
    const cancel = this.clock.setTimer(at, () => {
      this.fire(functionId, cron, at);
      this.arm(functionId, cron, Math.max(at, this.clock.now()));
    });
    this.timers.set(`${functionId} ${cron}`, cancel);
  }
}

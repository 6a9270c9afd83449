import type { Clock } from "./clock";
import type { InngestEvent } from "./execute";
import type { RegisteredFunction } from "./registry";

const DAY_MS = 24 * 3600_000;

/**
 * The cheap part of Inngest's flow control, per function: a throttle on run starts (`limit` per `period`), a
 * concurrency limit on runs executing at once (a sleeping or retrying run holds no slot), and an idempotency key
 * (`event.data.…`) that runs a function once per key in 24 h.
 */
export class FlowControl {
  private readonly starts = new Map<string, number[]>();
  private readonly executing = new Map<string, number>();
  private readonly slotWaiters = new Map<string, (() => void)[]>();
  private readonly idempotencyKeys = new Map<string, number>();
  private readonly timers = new Set<() => void>();

  constructor(private readonly clock: Clock) {}

  /** False when this function already ran for the event's idempotency key in the last 24 h. */
  firstForIdempotencyKey(fn: RegisteredFunction, event: InngestEvent): boolean {
    if (!fn.idempotencyPath) return true;
    let value: unknown = event;
    for (const part of fn.idempotencyPath) value = (value as Record<string, unknown> | undefined)?.[part];
    if (value === undefined || value === null) return true;
    const now = this.clock.now();
    const key = `${fn.id} ${JSON.stringify(value)}`;
    const seen = this.idempotencyKeys.get(key);
    if (seen !== undefined && seen > now - DAY_MS) return false;
    this.idempotencyKeys.set(key, now);
    return true;
  }

  /** Resolves when the function may start another run under its throttle; `parked` tells while it waits. */
  async throttle(fn: RegisteredFunction, parked: (until: number | null) => void): Promise<void> {
    if (!fn.throttle) return;
    const { limit, periodMs } = fn.throttle;
    for (;;) {
      const now = this.clock.now();
      const recent = (this.starts.get(fn.id) ?? []).filter((at) => at > now - periodMs);
      if (recent.length < limit) {
        this.starts.set(fn.id, [...recent, now]);
        return;
      }
      this.starts.set(fn.id, recent);
      parked(recent[0]! + periodMs);
      await this.sleepUntil(recent[0]! + periodMs, () => parked(null));
    }
  }

  /** Resolves when the function has a free concurrency slot, and takes it. */
  async acquire(fn: RegisteredFunction): Promise<void> {
    if (!fn.concurrency) return;
    while ((this.executing.get(fn.id) ?? 0) >= fn.concurrency) {
      await new Promise<void>((resolve) =>
        this.slotWaiters.set(fn.id, [...(this.slotWaiters.get(fn.id) ?? []), resolve]),
      );
    }
    this.executing.set(fn.id, (this.executing.get(fn.id) ?? 0) + 1);
  }

  release(fn: RegisteredFunction): void {
    if (!fn.concurrency) return;
    this.executing.set(fn.id, Math.max(0, (this.executing.get(fn.id) ?? 0) - 1));
    const [next, ...rest] = this.slotWaiters.get(fn.id) ?? [];
    this.slotWaiters.set(fn.id, rest);
    next?.();
  }

  close(): void {
    for (const cancel of this.timers) cancel();
    this.timers.clear();
  }

  private sleepUntil(at: number, woken: () => void): Promise<void> {
    return new Promise((resolve) => {
      const cancel = this.clock.setTimer(at, () => {
        this.timers.delete(cancel);
        woken();
        resolve();
      });
      this.timers.add(cancel);
    });
  }
}

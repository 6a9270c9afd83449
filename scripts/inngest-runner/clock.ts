/** Time as the runner sees it: the system's, or a manual one that tests move forward (crons, sleeps, backoff). */
export type Clock = {
  now(): number;
  /** Calls `fire` once `now()` reaches `at`; returns a cancel function. */
  setTimer(at: number, fire: () => void): () => void;
};

// setTimeout's largest delay; longer waits are re-armed in steps.
const MAX_DELAY_MS = 2 ** 31 - 1;

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(at, fire) {
    let handle: NodeJS.Timeout;
    const arm = () => {
      const delay = at - Date.now();
      if (delay > MAX_DELAY_MS) handle = setTimeout(arm, MAX_DELAY_MS);
      else handle = setTimeout(fire, Math.max(0, delay));
      // A parked run or a cron must not keep a finished process alive.
      handle.unref();
    };
    arm();
    return () => clearTimeout(handle);
  },
};

export type ManualClock = Clock & {
  /** Moves time to `at` (never backwards), firing every timer due on the way, earliest first. */
  advanceTo(at: number): void;
  advanceBy(ms: number): void;
  /** Jumps to `at` as a machine waking from sleep would: each overdue timer fires once, late, at `at`. */
  jumpTo(at: number): void;
  /** When the next timer is due, or null. */
  nextTimerAt(): number | null;
};

export function manualClock(start: number): ManualClock {
  let now = start;
  let sequence = 0;
  const timers = new Map<number, { at: number; fire: () => void }>();
  const clock: ManualClock = {
    now: () => now,
    setTimer(at, fire) {
      const id = sequence++;
      timers.set(id, { at, fire });
      return () => void timers.delete(id);
    },
    advanceTo(at) {
      for (;;) {
        const due = [...timers.entries()]
          .filter(([, t]) => t.at <= at)
          .sort((a, b) => a[1].at - b[1].at || a[0] - b[0]);
        if (due.length === 0) break;
        const [id, timer] = due[0]!;
        timers.delete(id);
        now = Math.max(now, timer.at);
        timer.fire();
      }
      now = Math.max(now, at);
    },
    advanceBy: (ms) => clock.advanceTo(now + ms),
    jumpTo(at) {
      now = Math.max(now, at);
      clock.advanceTo(now);
    },
    nextTimerAt: () => (timers.size === 0 ? null : Math.min(...[...timers.values()].map((t) => t.at))),
  };
  return clock;
}

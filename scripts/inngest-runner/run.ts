/** A run as the runner's log and dashboard show it. */
/** queued: waiting for a concurrency slot; throttled: for its throttle's next start; waiting-retry: for its retry. */
export type RunStatus = "queued" | "throttled" | "running" | "sleeping" | "waiting-retry" | "completed" | "failed";
export type StepStatus = "completed" | "failed" | "errored" | "sleeping" | "slept";

export type SerializedError = { name?: string; message?: string; stack?: string; [key: string]: unknown };

export type StepLog = {
  /** the step's hashed id */
  id: string;
  /** its human-readable name, e.g. `deliver-email` */
  name: string;
  status: StepStatus;
  /** attempts this step took so far (1 on a first success) */
  attempts: number;
  at: number;
  output?: unknown;
  error?: SerializedError;
  /** for a sleep: when it wakes */
  wakeAt?: number;
};

export type Run = {
  id: string;
  /** the function's id without the app prefix, e.g. `send-reminder` */
  fn: string;
  functionId: string;
  app: string;
  event: string;
  eventId: string;
  status: RunStatus;
  /** the attempt of the step or request being made, from 0 */
  attempt: number;
  /** calls made to the app for this run */
  requests: number;
  queuedAt: number;
  startedAt?: number;
  endedAt?: number;
  /** while throttled, sleeping or waiting to retry: when it goes on */
  wakeAt?: number;
  steps: StepLog[];
  output?: unknown;
  error?: unknown;
};

export const isFinished = (run: Run) => run.status === "completed" || run.status === "failed";

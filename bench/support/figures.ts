import type { Spread } from "./stats";

/** One tracked figure: the measure, its floor from the same run and database, and the target it is held to. */
export type Figure = {
  part: "scan" | "dispatch" | "pages" | "js";
  name: string;
  unit: string;
  value: Spread;
  floor?: { name: string; value: Spread };
  /** how many times slower than the floor (higher is worse) */
  ratio?: number;
  target?: string;
  pass?: boolean;
  /** one line for the table: the figures besides the median (throughput, p99, errors…) */
  summary?: string;
  /** other counts worth keeping (rows returned, round trips, errors…) */
  details?: Record<string, unknown>;
  note?: string;
  measuredAt?: string;
  /** the machine's 1-minute load average before and after the part ran (2 cores: above 2 means waiting for CPU) */
  loadAverage?: { before: number; after: number };
};

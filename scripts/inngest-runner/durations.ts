// Inngest's time strings ("300ms", "2h45m", "1.5d") and dates (sleepUntil, Retry-After), in milliseconds.
const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};
const PART = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h|d|w)/gy;

/** Milliseconds in a time string, or null when it is not one. */
export function parseTimeString(value: string): number | null {
  const text = value.trim();
  if (text === "") return null;
  PART.lastIndex = 0;
  let total = 0;
  let consumed = 0;
  for (let match = PART.exec(text); match; match = PART.exec(text)) {
    total += Number(match[1]) * UNIT_MS[match[2]!]!;
    consumed = PART.lastIndex;
  }
  return consumed === text.length ? total : null;
}

const looksLikeDate = (value: string) => /^\d{4}-\d{2}-\d{2}/.test(value.trim());

/** When a Sleep op wakes: its duration is a time string from now, or an ISO date (sleepUntil). */
export function sleepUntil(duration: string, now: number): number | null {
  if (looksLikeDate(duration)) {
    const at = Date.parse(duration);
    return Number.isNaN(at) ? null : at;
  }
  const ms = parseTimeString(duration);
  return ms === null ? null : now + ms;
}

/** A Retry-After header: seconds, an ISO 8601 date (RetryAfterError with a Date) or an HTTP date. */
export function retryAfterAt(header: string | null, now: number): number | null {
  if (!header) return null;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return now + Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : at;
}

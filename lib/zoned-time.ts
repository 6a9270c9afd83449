/** "YYYY-MM-DDTHH:mm" as numbers, and that wall-clock time read as if it were UTC; null if it has another shape. */
function parseLocal(local: string) {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  return { year, month, day, hour, minute, asIfUtc: Date.UTC(year, month - 1, day, hour, minute) };
}

/** True when "YYYY-MM-DDTHH:mm" names a real calendar date and time (no 32 December, no 25:61), years 2000–2199. */
export function isRealLocalDateTime(local: string): boolean {
  const parts = parseLocal(local);
  if (!parts || parts.year < 2000 || parts.year >= 2200) return false;
  // Date.UTC normalises overflow (32 December is 1 January): a real time reads back the same.
  const date = new Date(parts.asIfUtc);
  return (
    date.getUTCMonth() === parts.month - 1 &&
    date.getUTCDate() === parts.day &&
    date.getUTCHours() === parts.hour &&
    date.getUTCMinutes() === parts.minute
  );
}

/** The UTC instant of a wall-clock time ("2026-03-08T09:30") in an IANA zone, DST included. */
export function zonedTimeToUtc(local: string, timeZone: string): Date {
  const parts = parseLocal(local);
  if (!parts) throw new RangeError("Expected YYYY-MM-DDTHH:mm");
  const { asIfUtc } = parts;
  // Two passes: the zone's offset at the guess, then at the corrected instant (differs only across a DST change).
  let instant = asIfUtc - offsetOf(asIfUtc, timeZone);
  instant = asIfUtc - offsetOf(instant, timeZone);
  return new Date(instant);
}

function offsetOf(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The wall-clock "YYYY-MM-DDTHH:mm" of an instant in a zone, for datetime-local inputs. */
export function utcToZonedInput(moment: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(moment);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}`;
}

/** False for a wall-clock time the zone skips when its clocks go forward (01:30 in London on 28 March 2027). */
export function existsInZone(local: string, timeZone: string): boolean {
  return utcToZonedInput(zonedTimeToUtc(local, timeZone), timeZone) === local;
}

import type { TextCaps } from "./policy";
import { addDays, localClock } from "./quiet-hours";

/** Monday of the local week that holds a local date. */
function weekOf(date: string): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/**
 * Whether one more text at `moment` stays within the caps: `counted` are the moments of texts that went (from
 * delivery records) and those held for reminders closer to a visit; days and weeks (Monday to Sunday) are local.
 */
export function capAllows(moment: Date, timeZone: string, caps: TextCaps, counted: Date[]): boolean {
  const { date } = localClock(moment, timeZone);
  const week = weekOf(date);
  let sameDay = 0;
  let sameWeek = 0;
  for (const other of counted) {
    const otherDate = localClock(other, timeZone).date;
    if (otherDate === date) sameDay++;
    if (weekOf(otherDate) === week) sameWeek++;
  }
  return sameDay < caps.perDay && sameWeek < caps.perWeek;
}

import { utcToZonedInput, zonedTimeToUtc } from "@/lib/zoned-time";
import { formatClock, type HoursWindow } from "./policy";

/** The local calendar date ("2026-03-08") and minutes after local midnight of an instant in a zone. */
export function localClock(moment: Date, timeZone: string): { date: string; minutes: number } {
  const local = utcToZonedInput(moment, timeZone);
  return { date: local.slice(0, 10), minutes: Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16)) };
}

/** The calendar date `days` after a local date ("2026-03-08" + 1 → "2026-03-09"). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/**
 * The first moment at or after `now` inside the allowed hours, in the patient's zone: `now` itself when inside,
 * else today's or tomorrow's opening time (an opening that a DST change skips is read as the same wall time shifted).
 */
export function firstAllowedMoment(now: Date, timeZone: string, hours: HoursWindow): Date {
  const { date, minutes } = localClock(now, timeZone);
  if (minutes >= hours.start && minutes < hours.end) return now;
  const day = minutes < hours.start ? date : addDays(date, 1);
  const opening = zonedTimeToUtc(`${day}T${formatClock(hours.start)}`, timeZone);
  // A DST change can put the computed opening before now (a fall-back night); the next day's opening is then first.
  return opening > now ? opening : zonedTimeToUtc(`${addDays(day, 1)}T${formatClock(hours.start)}`, timeZone);
}

import { utcToZonedInput } from "@/lib/zoned-time";

/** One working interval, wall-clock minutes from the local midnight (end may be 1440, i.e. 24:00). */
export type Interval = { startMinute: number; endMinute: number };
/** Intervals per weekday, 0 = Sunday … 6 = Saturday. */
export type WeeklyHours = Record<number, Interval[]>;

export const weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;
/** Monday first, as clinics write a week. */
export const weekdayOrder = [1, 2, 3, 4, 5, 6, 0] as const;

const pad = (n: number) => String(n).padStart(2, "0");
export const formatMinute = (minute: number) => `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;

/** "08:00–12:00 and 13:00–18:00" */
export function describeIntervals(intervals: Interval[]): string {
  const parts = intervals.map((i) => `${formatMinute(i.startMinute)}–${formatMinute(i.endMinute)}`);
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

/** "08:00-12:00, 13:00-18:00" as the hours form shows a day; blank for a day off. */
export const intervalsToText = (intervals: Interval[]) =>
  intervals.map((i) => `${formatMinute(i.startMinute)}-${formatMinute(i.endMinute)}`).join(", ");

const CLOCK = /^([01]\d|2[0-4]):([0-5]\d)$/;
function parseClock(text: string): number | null {
  const match = CLOCK.exec(text.trim());
  if (!match) return null;
  const minute = Number(match[1]) * 60 + Number(match[2]);
  return minute <= 1440 ? minute : null;
}

/**
 * A day's hours as typed ("08:00-12:00, 13:00-18:00", en dash or "to" too): sorted intervals, or an error that says
 * what is wrong. Blank is a day off.
 */
export function parseIntervals(text: string): { ok: true; intervals: Interval[] } | { ok: false; error: string } {
  if (!text.trim()) return { ok: true, intervals: [] };
  const intervals: Interval[] = [];
  for (const piece of text.split(/[,;]/)) {
    const [from, to, extra] = piece.split(/\s*(?:-|–|—|\bto\b)\s*/);
    const start = from === undefined ? null : parseClock(from);
    const end = to === undefined ? null : parseClock(to);
    if (extra !== undefined || start === null || end === null)
      return { ok: false, error: `Write each interval as 08:00-12:00 ("${piece.trim()}" is not).` };
    if (start >= end) return { ok: false, error: `${piece.trim()} ends before it starts.` };
    intervals.push({ startMinute: start, endMinute: end });
  }
  intervals.sort((a, b) => a.startMinute - b.startMinute);
  for (let i = 1; i < intervals.length; i++) {
    if (intervals[i]!.startMinute < intervals[i - 1]!.endMinute)
      return {
        ok: false,
        error: `${describeIntervals([intervals[i - 1]!])} and ${describeIntervals([intervals[i]!])} overlap.`,
      };
  }
  return { ok: true, intervals };
}

const dayNumber = (local: string) =>
  Date.UTC(+local.slice(0, 4), +local.slice(5, 7) - 1, +local.slice(8, 10)) / 86_400_000;
const minuteOfDay = (local: string) => +local.slice(11, 13) * 60 + +local.slice(14, 16);

/**
 * A visit as wall-clock minutes in the clinician's zone, from the local midnight of the day it starts: across a DST
 * change the wall clock is what working hours mean (a 30-minute visit from 00:45 on the spring-forward night ends at
 * 02:15). A visit ending on the next day counts past 1440.
 */
export function localSpan(startsAt: Date, durationMinutes: number, timeZone: string) {
  const start = utcToZonedInput(startsAt, timeZone);
  const end = utcToZonedInput(new Date(startsAt.getTime() + durationMinutes * 60_000), timeZone);
  const weekday = new Date(dayNumber(start) * 86_400_000).getUTCDay();
  return {
    weekday,
    startMinute: minuteOfDay(start),
    endMinute: (dayNumber(end) - dayNumber(start)) * 1440 + minuteOfDay(end),
  };
}

/** Whether the visit lies wholly inside one of its day's intervals (ending exactly at closing time is inside). */
export function withinHours(span: ReturnType<typeof localSpan>, hours: WeeklyHours): boolean {
  return (hours[span.weekday] ?? []).some((i) => span.startMinute >= i.startMinute && span.endMinute <= i.endMinute);
}

/** Rows from the database as hours per weekday, each day's intervals in order. */
export function toWeeklyHours(rows: { weekday: number; startMinute: number; endMinute: number }[]): WeeklyHours {
  const hours: WeeklyHours = {};
  for (const row of [...rows].sort((a, b) => a.startMinute - b.startMinute))
    (hours[row.weekday] ??= []).push({ startMinute: row.startMinute, endMinute: row.endMinute });
  return hours;
}

/** Monday to Friday, 08:00–18:00: what a new clinic starts from, and the seed. */
export const standardWeek: WeeklyHours = Object.fromEntries(
  [1, 2, 3, 4, 5].map((day) => [day, [{ startMinute: 8 * 60, endMinute: 18 * 60 }]]),
);

/**
 * "YYYY-MM-DD" of the first Monday-to-Friday on or after `days` from now (UTC date): bookings in tests land inside
 * the seeded working hours (Monday to Friday, 08:00–18:00) whatever day the suite runs.
 */
export function weekdayAhead(days: number, now = Date.now()): string {
  const date = new Date(now + days * 86_400_000);
  while (date.getUTCDay() === 0 || date.getUTCDay() === 6) date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** A moment as a person in `timeZone` reads it, e.g. "Tuesday 24 November 2026, 14:30 GMT". */
export function formatDateTime(moment: Date, timeZone: string, locale = "en-GB"): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(moment);
}

const abbreviation = (moment: Date, timeZone: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "short" }).formatToParts(moment).find((p) => p.type === "timeZoneName")?.value;

/** The zone's everyday abbreviation (EST, BST, CET) where one exists, else an offset like GMT+5:30. */
export function timeZoneLabel(moment: Date, timeZone: string): string {
  const american = abbreviation(moment, timeZone, "en-US");
  if (american && !american.startsWith("GMT")) return american;
  return abbreviation(moment, timeZone, "en-GB") ?? timeZone;
}

/** A moment as a person in `timeZone` reads it, e.g. "Tuesday, 24 November 2026 at 14:30 EST". */
export function formatDateTime(moment: Date, timeZone: string, locale = "en-GB"): string {
  const local = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(moment);
  return `${local} ${timeZoneLabel(moment, timeZone)}`;
}

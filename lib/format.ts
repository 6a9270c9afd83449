// Building an Intl.DateTimeFormat costs far more than formatting with one, and every message and page formats
// dates: each (locale, zone, style) is built once. Zones and locales are finite, so the cache stays small.
const formatters = new Map<string, Intl.DateTimeFormat>();
const dateTimeStyle: Intl.DateTimeFormatOptions = {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
};

const timeStyle: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit" };

type Style = "zoneName" | "dateTime" | "time";
const styles: Record<Style, Intl.DateTimeFormatOptions> = {
  zoneName: { timeZoneName: "short" },
  dateTime: dateTimeStyle,
  time: timeStyle,
};

function formatter(locale: string, timeZone: string, style: Style): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${style}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, { timeZone, ...styles[style] });
    formatters.set(key, cached);
  }
  return cached;
}

const abbreviation = (moment: Date, timeZone: string, locale: string) =>
  formatter(locale, timeZone, "zoneName")
    .formatToParts(moment)
    .find((p) => p.type === "timeZoneName")?.value;

/** The zone's everyday abbreviation (EST, BST, CET) where one exists, else an offset like GMT+5:30. */
export function timeZoneLabel(moment: Date, timeZone: string): string {
  const american = abbreviation(moment, timeZone, "en-US");
  if (american && !american.startsWith("GMT")) return american;
  return abbreviation(moment, timeZone, "en-GB") ?? timeZone;
}

/** A moment as a person in `timeZone` reads it, e.g. "Tuesday, 24 November 2026 at 14:30 EST". */
export function formatDateTime(moment: Date, timeZone: string, locale = "en-GB"): string {
  const local = formatter(locale, timeZone, "dateTime").format(moment);
  return `${local} ${timeZoneLabel(moment, timeZone)}`;
}

/** The time of day only, e.g. "14:15 GMT": for moments on the day already shown next to it. */
export function formatTime(moment: Date, timeZone: string, locale = "en-GB"): string {
  return `${formatter(locale, timeZone, "time").format(moment)} ${timeZoneLabel(moment, timeZone)}`;
}

const shortStyle: Intl.DateTimeFormatOptions = {
  weekday: "short",
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
};

/** A moment as short as a text message needs it, e.g. "Sat 17 Jan 14:00 GMT" (plain spaces, GSM-7 only). */
export function formatShortDateTime(moment: Date, timeZone: string): string {
  const key = `en-GB|${timeZone}|short`;
  let cached = formatters.get(key);
  if (!cached) formatters.set(key, (cached = new Intl.DateTimeFormat("en-GB", { timeZone, ...shortStyle })));
  return `${cached.format(moment).replace(/[\s,]+/g, " ")} ${timeZoneLabel(moment, timeZone)}`;
}

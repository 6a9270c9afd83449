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

type Style = "zoneName" | "dateTime" | "time" | "day" | "dayKey";
const styles: Record<Style, Intl.DateTimeFormatOptions> = {
  zoneName: { timeZoneName: "short" },
  dateTime: dateTimeStyle,
  time: timeStyle,
  day: { weekday: "long", day: "numeric", month: "long", year: "numeric" },
  // Grouping only, never shown: one calendar day in the zone.
  dayKey: { year: "numeric", month: "2-digit", day: "2-digit" },
};

/** The locale pages format in: the viewer's first supported Accept-Language tag, else British English. */
export function pickLocale(acceptLanguage: string | null | undefined, fallback = "en-GB"): string {
  for (const part of (acceptLanguage ?? "").split(",")) {
    const tag = part.split(";")[0]!.trim();
    if (!tag || tag === "*") continue;
    try {
      const [supported] = Intl.DateTimeFormat.supportedLocalesOf(tag);
      if (supported) return supported;
    } catch {
      // A malformed tag is skipped, never an error page.
    }
  }
  return fallback;
}

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

/** A calendar day as a heading, e.g. "Thursday, 26 November 2026": for lists grouped by day. */
export function formatDay(moment: Date, timeZone: string, locale = "en-GB"): string {
  return formatter(locale, timeZone, "day").format(moment);
}

/** The local day a moment falls on in the zone, as a stable key ("2026-11-26") for grouping. */
export function dayKey(moment: Date, timeZone: string): string {
  const parts = formatter("en-CA", timeZone, "dayKey").formatToParts(moment);
  const get = (type: string) => parts.find((p) => p.type === type)?.value;
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** A wall-clock time with no zone, e.g. "10:00", for a sentence that names the zone once. */
export function formatClock(moment: Date, timeZone: string, locale = "en-GB"): string {
  return formatter(locale, timeZone, "time").format(moment);
}

// Admin lists show every moment to the second, in the admin's chosen zone, with the zone named.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let cached = formatters.get(timeZone);
  if (!cached) {
    cached = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      year: "numeric",
      month: "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
      timeZoneName: "short",
    });
    formatters.set(timeZone, cached);
  }
  return cached;
}

/** e.g. "26 Nov 2026, 09:37:33 GMT" — the zone's short name, or an offset where it has none. */
export const formatAdminTime = (moment: Date, timeZone: string) => formatter(timeZone).format(moment);

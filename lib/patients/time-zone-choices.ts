import { currentZoneName, timeZoneNames } from "./time-zones";

/** Regions as people name them, in the order the picker lists them. */
const REGIONS: [prefix: string, label: string][] = [
  ["Africa", "Africa"],
  ["America", "Americas"],
  ["Antarctica", "Antarctica"],
  ["Arctic", "Arctic"],
  ["Asia", "Asia"],
  ["Atlantic", "Atlantic Ocean"],
  ["Australia", "Australia"],
  ["Europe", "Europe"],
  ["Indian", "Indian Ocean"],
  ["Pacific", "Pacific Ocean"],
  ["UTC", "Universal time"],
];

export type ZoneChoice = { zone: string; label: string; search: string };
export type ZoneGroup = { label: string; choices: ZoneChoice[] };

/** "America/Argentina/Salta" → "Salta, Argentina"; "Asia/Calcutta" → "Kolkata" (the current name people know). */
export function zoneLabel(zone: string): string {
  if (zone === "UTC") return "UTC (Coordinated Universal Time)";
  const parts = currentZoneName(zone)
    .split("/")
    .slice(1)
    .map((part) => part.replaceAll("_", " "));
  const place = parts.at(-1) ?? zone;
  return parts.length > 1 ? `${place}, ${parts.slice(0, -1).join(", ")}` : place;
}

function choiceOf(zone: string): ZoneChoice {
  const label = zoneLabel(zone);
  return { zone, label, search: `${label} ${zone} ${currentZoneName(zone)}`.replaceAll("_", " ").toLowerCase() };
}

/**
 * The picker's groups: the patient's country's zones first (when known), then every region A–Z by place.
 * `extra` keeps a stored zone that the list no longer has choosable rather than silently becoming another.
 */
export function zoneGroups(suggested: { label: string; zones: readonly string[] } | null, extra?: string): ZoneGroup[] {
  const all = extra && !timeZoneNames.includes(extra) ? [extra, ...timeZoneNames] : [...timeZoneNames];
  const byLabel = (a: ZoneChoice, b: ZoneChoice) => a.label.localeCompare(b.label, "en");
  const groups: ZoneGroup[] = [];
  if (suggested && suggested.zones.length > 0)
    groups.push({ label: suggested.label, choices: suggested.zones.map(choiceOf).sort(byLabel) });
  for (const [prefix, label] of REGIONS) {
    const choices = all.filter((zone) => zone.split("/")[0] === prefix).map(choiceOf);
    if (choices.length > 0) groups.push({ label, choices: choices.sort(byLabel) });
  }
  const other = all.filter((zone) => !REGIONS.some(([prefix]) => zone.split("/")[0] === prefix));
  if (other.length > 0) groups.push({ label: "Other", choices: other.map(choiceOf) });
  return groups;
}

/** The groups with only the choices whose place or IANA name contains every typed word. */
export function filterZoneGroups(groups: ZoneGroup[], query: string): ZoneGroup[] {
  const words = query.toLowerCase().replaceAll("_", " ").split(/\s+/).filter(Boolean);
  if (words.length === 0) return groups;
  return groups
    .map((group) => ({
      ...group,
      choices: group.choices.filter((choice) => words.every((word) => choice.search.includes(word))),
    }))
    .filter((group) => group.choices.length > 0);
}

/** "Thursday 10:42 (GMT-5)": the time now in a zone, from the browser's own Intl. */
export function localTimeIn(zone: string, now: Date): string {
  const time = new Intl.DateTimeFormat("en-GB", {
    timeZone: zone,
    weekday: "long",
    hour: "2-digit",
    minute: "2-digit",
  }).format(now);
  const offset =
    new Intl.DateTimeFormat("en-GB", { timeZone: zone, timeZoneName: "shortOffset" })
      .formatToParts(now)
      .find((part) => part.type === "timeZoneName")?.value ?? "";
  return offset ? `${time} (${offset})` : time;
}

/** Clinic policy for texts (SMS and WhatsApp): when they may go and how many. Parsed once in lib/env.ts. */

/** Allowed local hours, as minutes after local midnight: from `start` (inclusive) to `end` (exclusive, 1440 = 24:00). */
export type HoursWindow = { start: number; end: number };

export type TextCaps = { perDay: number; perWeek: number; maxCharacters?: number };

export type NotificationPolicy = {
  /** the clinic's hours for texts everywhere (47 CFR 64.1200(c)(1): not before 8 am or after 9 pm, local time) */
  textHours: HoursWindow;
  /** stricter hours by the patient's country ("GB") or country and state ("US-FL") */
  textHoursByRegion: Record<string, HoursWindow>;
  /** at most this many texts per patient per local day and per local week (Monday to Sunday); null: no cap */
  textCaps: TextCaps | null;
};

export const DEFAULT_TEXT_HOURS = "08:00-21:00";
/** Florida (Fla. Stat. 501.059(8)(a)) and Oklahoma (Okla. Stat. tit. 15, 775C.4): 8 am to 8 pm. */
export const DEFAULT_TEXT_HOURS_BY_REGION = "US-FL=08:00-20:00,US-OK=08:00-20:00";
/** The FCC's conditions for exempted healthcare texts (FCC 15-72, para. 147): 1 a day, 3 a week, 160 characters. */
export const CAP_PRESETS: Record<string, TextCaps> = {
  "us-healthcare-exemption": { perDay: 1, perWeek: 3, maxCharacters: 160 },
};

const TIME = /^([01]\d|2[0-4]):([0-5]\d)$/;

/** "08:30" → 510; "24:00" → 1440; anything else null. */
export function parseClock(value: string): number | null {
  const match = TIME.exec(value.trim());
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 1440 ? minutes : null;
}

export const formatClock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

export function parseHours(value: string): HoursWindow | null {
  const [from, to, extra] = value.split("-");
  if (from === undefined || to === undefined || extra !== undefined) return null;
  const start = parseClock(from);
  const end = parseClock(to);
  if (start === null || end === null || start >= end || start === 1440) return null;
  return { start, end };
}

/** Parses the three settings; returns the policy or the problems, each naming its variable. */
export function parseNotificationPolicy(raw: {
  NOTIFY_TEXT_HOURS?: string;
  NOTIFY_TEXT_HOURS_BY_REGION?: string;
  NOTIFY_TEXT_CAPS?: string;
}): { policy: NotificationPolicy; problems: string[] } {
  const problems: string[] = [];
  const textHours = parseHours(raw.NOTIFY_TEXT_HOURS ?? DEFAULT_TEXT_HOURS);
  if (!textHours) problems.push("NOTIFY_TEXT_HOURS must look like 08:00-21:00 (start before end).");
  const textHoursByRegion: Record<string, HoursWindow> = {};
  const overlays = raw.NOTIFY_TEXT_HOURS_BY_REGION ?? DEFAULT_TEXT_HOURS_BY_REGION;
  for (const entry of overlays === "none" ? [] : overlays.split(",").filter((e) => e.trim() !== "")) {
    const [region, hours] = entry.split("=").map((part) => part.trim());
    const window = hours ? parseHours(hours) : null;
    if (!region || !/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/.test(region) || !window)
      problems.push(`NOTIFY_TEXT_HOURS_BY_REGION: "${entry}" must look like US-FL=08:00-20:00.`);
    else textHoursByRegion[region] = window;
  }
  const textCaps = parseCaps(raw.NOTIFY_TEXT_CAPS ?? "off");
  if (textCaps === undefined)
    problems.push('NOTIFY_TEXT_CAPS must be "off", "us-healthcare-exemption" or like "2/day,5/week".');
  return {
    policy: { textHours: textHours ?? { start: 480, end: 1260 }, textHoursByRegion, textCaps: textCaps ?? null },
    problems,
  };
}

function parseCaps(value: string): TextCaps | null | undefined {
  if (value === "off") return null;
  if (CAP_PRESETS[value]) return CAP_PRESETS[value];
  const match = /^(\d{1,3})\/day,(\d{1,3})\/week$/.exec(value.replace(/\s+/g, ""));
  if (!match) return undefined;
  const perDay = Number(match[1]);
  const perWeek = Number(match[2]);
  return perDay >= 1 && perWeek >= perDay ? { perDay, perWeek } : undefined;
}

/** The hours a patient's texts may go: the clinic's, narrowed by their region's overlay and their own choice. */
export function effectiveTextHours(
  policy: NotificationPolicy,
  where: { country: string | null; region: string | null },
  own: HoursWindow | null,
): HoursWindow | null {
  const layers = [
    policy.textHours,
    where.country ? policy.textHoursByRegion[where.country] : undefined,
    where.country && where.region ? policy.textHoursByRegion[`${where.country}-${where.region}`] : undefined,
    own ?? undefined,
  ].filter((layer): layer is HoursWindow => layer !== undefined);
  const start = Math.max(...layers.map((layer) => layer.start));
  const end = Math.min(...layers.map((layer) => layer.end));
  // A patient's own hours outside the clinic's leave no time at all: every text is then skipped as quiet_hours.
  return start < end ? { start, end } : null;
}

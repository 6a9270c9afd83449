import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { effectiveTextHours, parseNotificationPolicy } from "./policy";

describe("notification policy settings", () => {
  it("defaults: 08:00–21:00, Florida and Oklahoma 08:00–20:00, no caps", () => {
    const { policy, problems } = parseNotificationPolicy({});
    expect(problems).toEqual([]);
    expect(policy).toEqual({
      textHours: { start: 480, end: 1260 },
      textHoursByRegion: { "US-FL": { start: 480, end: 1200 }, "US-OK": { start: 480, end: 1200 } },
      textCaps: null,
    });
  });

  it("the preset and explicit caps; bad values stop start-up naming the variable", () => {
    expect(parseNotificationPolicy({ NOTIFY_TEXT_CAPS: "us-healthcare-exemption" }).policy.textCaps).toEqual({
      perDay: 1,
      perWeek: 3,
      maxCharacters: 160,
    });
    expect(parseNotificationPolicy({ NOTIFY_TEXT_CAPS: "2/day, 6/week" }).policy.textCaps).toEqual({
      perDay: 2,
      perWeek: 6,
    });
    expect(() => parseEnv({ NOTIFY_TEXT_HOURS: "21:00-08:00" }, () => "s")).toThrow(/NOTIFY_TEXT_HOURS/);
    expect(() => parseEnv({ NOTIFY_TEXT_CAPS: "5/week,1/day" }, () => "s")).toThrow(/NOTIFY_TEXT_CAPS/);
    expect(() => parseEnv({ NOTIFY_TEXT_HOURS_BY_REGION: "Florida=8-20" }, () => "s")).toThrow(/US-FL=08:00-20:00/);
  });

  it("overlays by country and by state narrow, never widen", () => {
    const { policy } = parseNotificationPolicy({ NOTIFY_TEXT_HOURS_BY_REGION: "GB=09:00-20:00,US-FL=07:00-22:00" });
    expect(effectiveTextHours(policy, { country: "GB", region: null }, null)).toEqual({ start: 540, end: 1200 });
    expect(effectiveTextHours(policy, { country: "US", region: "FL" }, null)).toEqual({ start: 480, end: 1260 });
    expect(effectiveTextHours(policy, { country: "US", region: null }, { start: 600, end: 1440 })).toEqual({
      start: 600,
      end: 1260,
    });
  });
});

import { describe, expect, it } from "vitest";
import { utcToZonedInput, zonedTimeToUtc, isRealLocalDateTime } from "./zoned-time";

describe("zoned time", () => {
  it("converts wall-clock times to instants on both sides of a DST change", () => {
    expect(zonedTimeToUtc("2026-03-07T09:00", "America/New_York").toISOString()).toBe("2026-03-07T14:00:00.000Z");
    expect(zonedTimeToUtc("2026-03-08T10:00", "America/New_York").toISOString()).toBe("2026-03-08T14:00:00.000Z");
    expect(zonedTimeToUtc("2026-07-01T14:30", "Europe/London").toISOString()).toBe("2026-07-01T13:30:00.000Z");
    expect(zonedTimeToUtc("2026-01-15T21:00", "Asia/Kolkata").toISOString()).toBe("2026-01-15T15:30:00.000Z");
    expect(utcToZonedInput(new Date("2026-03-08T14:00:00Z"), "America/New_York")).toBe("2026-03-08T10:00");
  });
});

describe("real local date-times", () => {
  it("refuses what Date would silently normalise", () => {
    for (const ok of ["2027-12-31T23:59", "2028-02-29T00:00", "2026-03-08T02:30"])
      expect(isRealLocalDateTime(ok)).toBe(true);
    for (const bad of [
      "2027-12-32T25:61",
      "2027-02-29T10:00",
      "2027-13-01T10:00",
      "2027-06-31T10:00",
      "1999-01-01T10:00",
      "2027-1-1T1:1",
    ]) {
      expect(isRealLocalDateTime(bad)).toBe(false);
    }
  });
});

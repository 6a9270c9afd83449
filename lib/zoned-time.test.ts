import { describe, expect, it } from "vitest";
import { utcToZonedInput, zonedTimeToUtc } from "./zoned-time";

describe("zoned time", () => {
  it("converts wall-clock times to instants on both sides of a DST change", () => {
    expect(zonedTimeToUtc("2026-03-07T09:00", "America/New_York").toISOString()).toBe("2026-03-07T14:00:00.000Z");
    expect(zonedTimeToUtc("2026-03-08T10:00", "America/New_York").toISOString()).toBe("2026-03-08T14:00:00.000Z");
    expect(zonedTimeToUtc("2026-07-01T14:30", "Europe/London").toISOString()).toBe("2026-07-01T13:30:00.000Z");
    expect(zonedTimeToUtc("2026-01-15T21:00", "Asia/Kolkata").toISOString()).toBe("2026-01-15T15:30:00.000Z");
    expect(utcToZonedInput(new Date("2026-03-08T14:00:00Z"), "America/New_York")).toBe("2026-03-08T10:00");
  });
});

import { describe, expect, it } from "vitest";
import { contactSchema } from "./schemas";
import { listedTimeZone, timeZoneNames } from "./time-zones";

describe("the time-zone list on the settings page", () => {
  it("offers only zones the server accepts and can format, sorted, without repeats", () => {
    const refused = timeZoneNames.filter((timeZone) => !contactSchema.safeParse({ timeZone }).success);
    expect(refused).toEqual([]);
    for (const timeZone of timeZoneNames) expect(() => new Intl.DateTimeFormat("en-GB", { timeZone })).not.toThrow();
    expect([...timeZoneNames].sort()).toEqual(timeZoneNames);
    expect(new Set(timeZoneNames).size).toBe(timeZoneNames.length);
    expect(timeZoneNames).toEqual(expect.arrayContaining(["UTC", "Europe/London", "America/New_York", "Asia/Tokyo"]));
  });

  it("suggests the listed name for a zone a browser reports under its current IANA name", () => {
    expect(listedTimeZone("Asia/Kolkata")).toBe("Asia/Calcutta");
    expect(listedTimeZone("Europe/Kyiv")).toBe("Europe/Kiev");
    expect(listedTimeZone("Etc/UTC")).toBe("UTC");
    expect(listedTimeZone("Europe/London")).toBe("Europe/London");
    expect(listedTimeZone("Mars/Olympus_Mons")).toBeUndefined();
  });
});

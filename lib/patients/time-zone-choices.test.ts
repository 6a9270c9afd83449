import { describe, expect, it } from "vitest";
import { filterZoneGroups, localTimeIn, zoneGroups, zoneLabel } from "./time-zone-choices";
import { timeZoneNames } from "./time-zones";

describe("the time zone picker's choices", () => {
  it("groups every listed zone by region, with the patient's country first", () => {
    const groups = zoneGroups({ label: "In United Kingdom", zones: ["Europe/London"] });
    expect(groups.map((group) => group.label)).toEqual([
      "In United Kingdom",
      "Africa",
      "Americas",
      "Antarctica",
      "Arctic",
      "Asia",
      "Atlantic Ocean",
      "Australia",
      "Europe",
      "Indian Ocean",
      "Pacific Ocean",
      "Universal time",
    ]);
    const regional = groups.slice(1).flatMap((group) => group.choices.map((choice) => choice.zone));
    expect(new Set(regional)).toEqual(new Set(timeZoneNames));
  });

  it("labels places as people know them", () => {
    expect(zoneLabel("America/New_York")).toBe("New York");
    expect(zoneLabel("America/Argentina/Salta")).toBe("Salta, Argentina");
    expect(zoneLabel("Asia/Calcutta")).toBe("Kolkata");
    expect(zoneLabel("Europe/Kiev")).toBe("Kyiv");
  });

  it("finds zones by place, old or new name, in any case", () => {
    const groups = zoneGroups(null);
    const zones = (query: string) =>
      filterZoneGroups(groups, query).flatMap((group) => group.choices.map((choice) => choice.zone));
    expect(zones("new york")).toEqual(["America/New_York"]);
    expect(zones("kolkata")).toEqual(["Asia/Calcutta"]);
    expect(zones("calcutta")).toEqual(["Asia/Calcutta"]);
    expect(zones("TOKYO")).toEqual(["Asia/Tokyo"]);
    expect(zones("nowhere at all")).toEqual([]);
  });

  it("shows the local time and offset there now", () => {
    const noonUtc = new Date("2026-01-15T12:00:00Z");
    expect(localTimeIn("America/New_York", noonUtc)).toBe("Thursday 07:00 (GMT-5)");
    expect(localTimeIn("Asia/Calcutta", noonUtc)).toBe("Thursday 17:30 (GMT+5:30)");
  });
});

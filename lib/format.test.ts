import { describe, expect, it } from "vitest";
import { formatDateTime } from "./format";

describe("formatDateTime", () => {
  it("shows the moment in the patient's zone with the abbreviation they know, across DST", () => {
    const winter = new Date("2026-01-15T15:30:00Z");
    const summer = new Date("2026-07-15T15:30:00Z");
    expect(formatDateTime(winter, "America/New_York")).toBe("Thursday, 15 January 2026 at 10:30 EST");
    expect(formatDateTime(summer, "America/New_York")).toBe("Wednesday, 15 July 2026 at 11:30 EDT");
    expect(formatDateTime(winter, "Europe/London")).toBe("Thursday, 15 January 2026 at 15:30 GMT");
    expect(formatDateTime(summer, "Europe/London")).toBe("Wednesday, 15 July 2026 at 16:30 BST");
    expect(formatDateTime(winter, "Asia/Kolkata")).toBe("Thursday, 15 January 2026 at 21:00 GMT+5:30");
  });
});

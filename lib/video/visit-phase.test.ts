import { describe, expect, it } from "vitest";
import { visitPhase } from "./visit-phase";

const startsAt = new Date("2026-11-26T14:30:00Z");
const visit = { status: "scheduled" as const, startsAt, durationMinutes: 30 };
const at = (minutesFromStart: number) => new Date(startsAt.getTime() + minutesFromStart * 60_000);

describe("where a video visit stands", () => {
  it("opens 15 minutes before the start and ends at the booked end", () => {
    expect(visitPhase(visit, null, at(-16))).toBe("early");
    expect(visitPhase(visit, null, at(-15))).toBe("waiting");
    expect(visitPhase(visit, { status: "local-preview" }, at(-15))).toBe("open");
    expect(visitPhase(visit, { status: "in-progress" }, at(30))).toBe("open");
    expect(visitPhase(visit, { status: "in-progress" }, at(31))).toBe("ended");
  });

  it("a room started before the window opens is still 'early' for the patient, as the join token says", () => {
    expect(visitPhase(visit, { status: "in-progress" }, at(-20))).toBe("early");
  });

  it("is ended when the clinician ended the room, waiting again when a new one starts", () => {
    expect(visitPhase(visit, { status: "ended" }, at(5))).toBe("ended");
    expect(visitPhase(visit, { status: "in-progress" }, at(6))).toBe("open");
  });

  it("is cancelled or ended by the appointment's own status, whatever the room", () => {
    expect(visitPhase({ ...visit, status: "cancelled" }, { status: "in-progress" }, at(0))).toBe("cancelled");
    expect(visitPhase({ ...visit, status: "completed" }, null, at(0))).toBe("ended");
  });
});

import { describe, expect, it } from "vitest";
import ICAL from "ical.js";
import { addressOf, appointmentCalendar, calendarFileName, type CalendarAppointment } from "./calendar";

const parties = {
  appUrl: "https://portal.example.org",
  organizerEmail: "portal@portal.example.org",
  attendeeEmail: "ada@patients.example",
};

const visit: CalendarAppointment = {
  id: "6f1d2c3b-4a59-4e68-9d7c-8b6a5f4e3d2c",
  startsAt: new Date("2026-11-25T09:00:00Z"),
  durationMinutes: 30,
  modality: "telehealth",
  status: "scheduled",
  sequence: 0,
  clinicianName: "Dr. Meredith Grey",
  timeZone: "Asia/Kolkata",
};
const lines = (ics: string) => ics.split("\r\n");

describe("an appointment's calendar file", () => {
  it("is one VEVENT in the patient's time zone, with that zone's VTIMEZONE", () => {
    const ics = lines(appointmentCalendar(visit, parties, new Date("2026-11-20T08:00:00Z")));
    expect(ics.filter((line) => line === "BEGIN:VEVENT")).toHaveLength(1);
    expect(ics).toContain("DTSTART;TZID=Asia/Kolkata:20261125T143000");
    expect(ics).toContain("DTEND;TZID=Asia/Kolkata:20261125T150000");
    expect(ics).toContain("TZID:Asia/Kolkata");
    expect(ics).toContain("DTSTAMP:20261120T080000Z");
    expect(ics).toContain("UID:appointment-6f1d2c3b-4a59-4e68-9d7c-8b6a5f4e3d2c@portal.example.org");
    expect(ics).toContain("STATUS:CONFIRMED");
    expect(ics).toContain("CLASS:PRIVATE");
  });

  it("follows daylight saving time: 14:00 UTC in July is 10:00 in New York, in January 09:00", () => {
    const summer = appointmentCalendar(
      { ...visit, timeZone: "America/New_York", startsAt: new Date("2026-07-01T14:00:00Z") },
      parties,
    );
    const winter = appointmentCalendar(
      { ...visit, timeZone: "America/New_York", startsAt: new Date("2027-01-13T14:00:00Z") },
      parties,
    );
    expect(lines(summer)).toContain("DTSTART;TZID=America/New_York:20260701T100000");
    expect(lines(winter)).toContain("DTSTART;TZID=America/New_York:20270113T090000");
  });

  it("says only when, with whom, video or in person, and where in the portal", () => {
    const ics = appointmentCalendar(visit, parties);
    const unfolded = ics.replace(/\r\n[ \t]/g, "");
    expect(lines(unfolded)).toContain("SUMMARY:Video visit with Dr. Meredith Grey");
    expect(unfolded).toContain("URL;VALUE=URI:https://portal.example.org/visit/6f1d2c3b-4a59-4e68-9d7c-8b6a5f4e3d2c");
    const event = unfolded.slice(unfolded.indexOf("BEGIN:VEVENT"), unfolded.indexOf("END:VEVENT"));
    const properties = lines(event)
      .slice(1)
      .filter(Boolean)
      .map((line) => line.split(/[:;]/)[0]);
    expect(properties.sort()).toEqual(
      [
        "ATTENDEE",
        "CLASS",
        "DESCRIPTION",
        "DTEND",
        "DTSTAMP",
        "DTSTART",
        "LOCATION",
        "ORGANIZER",
        "SEQUENCE",
        "STATUS",
        "SUMMARY",
        "UID",
        "URL",
      ].sort(),
    );
    const inPerson = appointmentCalendar({ ...visit, modality: "in_person" }, parties);
    expect(lines(inPerson)).toContain("SUMMARY:In-person appointment with Dr. Meredith Grey");
  });

  it("a scheduled visit is a REQUEST; a cancelled one a CANCEL of the same UID with a higher sequence", () => {
    const cancelled = appointmentCalendar({ ...visit, status: "cancelled", sequence: 2 }, parties);
    expect(lines(cancelled)).toContain("STATUS:CANCELLED");
    expect(lines(cancelled)).toContain("METHOD:CANCEL");
    expect(lines(appointmentCalendar(visit, parties))).toContain("METHOD:REQUEST");
    const sequenceOf = (ics: string) =>
      Number(
        lines(ics)
          .find((line) => line.startsWith("SEQUENCE:"))!
          .slice(9),
      );
    expect(sequenceOf(cancelled)).toBeGreaterThan(sequenceOf(appointmentCalendar(visit, parties)));
  });

  it("falls back to UTC for a zone it does not know, and names the file by the local date", () => {
    const ics = lines(appointmentCalendar({ ...visit, timeZone: "Mars/Olympus" }, parties));
    expect(ics).toContain("DTSTART:20261125T090000Z");
    expect(ics.some((line) => line.startsWith("BEGIN:VTIMEZONE"))).toBe(false);
    expect(calendarFileName({ ...visit, startsAt: new Date("2026-11-25T20:00:00Z") })).toBe("visit-2026-11-26.ics");
  });
});

describe("read back by an iCalendar parser (ical.js)", () => {
  it("one event with its UID, sequence, organizer, attendee and times", () => {
    const calendar = new ICAL.Component(ICAL.parse(appointmentCalendar({ ...visit, sequence: 3 }, parties)));
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    const events = calendar.getAllSubcomponents("vevent");
    expect(events).toHaveLength(1);
    const event = new ICAL.Event(events[0]!);
    expect(event.uid).toBe(`appointment-${visit.id}@portal.example.org`);
    expect(event.sequence).toBe(3);
    expect(event.startDate.toJSDate()).toEqual(visit.startsAt);
    expect(event.endDate.toJSDate()).toEqual(new Date("2026-11-25T09:30:00Z"));
    expect(event.organizer).toBe("mailto:portal@portal.example.org");
    expect(event.attendees.map((a) => String(a.getFirstValue()).toLowerCase())).toEqual([
      "mailto:ada@patients.example",
    ]);
  });

  it("takes the address out of a From header", () => {
    expect(addressOf("Clinic <portal@clinic.example>")).toBe("portal@clinic.example");
    expect(addressOf("portal@clinic.example")).toBe("portal@clinic.example");
  });
});

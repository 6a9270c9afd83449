import { describe, expect, it } from "vitest";
import { messageKinds } from "../kinds";
import { textBody } from "./content";
import { progressUpdateText } from "./progress-content";
import { OPT_OUT_LINE, segmentsOf } from "./text";

// Long real-world names, a long clinic domain and a UUID visit link: the worst a text has to carry.
const portal = "https://patient-portal.riverside-community-clinic.example";
const people = [
  { firstName: "Maximiliana", clinicianName: "Dr. Alexandria Montgomery-Fitzgerald" },
  { firstName: "Zoë", clinicianName: "Dr. Siobhán Ní Bhriain" },
  { firstName: "Nguyễn", clinicianName: "Dr. 王秀英" },
  { firstName: "A", clinicianName: "Dr. B" },
];
const base = {
  startsAt: new Date("2026-12-23T14:30:00Z"),
  portalUrl: `${portal}/appointments`,
  visitUrl: `${portal}/visit/0b8a2a8e-6f55-4c1e-9d9b-3f0c2e1d4a77`,
};

describe("every text fits one SMS segment", () => {
  for (const person of people)
    for (const kind of messageKinds)
      for (const modality of ["telehealth", "in_person"] as const)
        for (const timeZone of ["America/Los_Angeles", "Asia/Kolkata"])
          for (const firstText of [true, false])
            it(`${kind}, ${modality}, ${person.firstName}, ${timeZone}, ${firstText ? "first text" : "later"}`, () => {
              const body = textBody({ ...base, ...person, kind, modality, timeZone }, "sms", firstText);
              expect(segmentsOf(body).segments, body).toBe(1);
              expect(body.endsWith(OPT_OUT_LINE)).toBe(firstText);
              // Still says what and where: the link is always there.
              expect(body).toContain(
                kind === "reminder_15m" && modality === "telehealth" ? base.visitUrl : base.portalUrl,
              );
            });

  it("progress update notices too, and the richest wording is kept when it fits", () => {
    for (const person of people)
      for (const firstText of [true, false]) {
        const body = progressUpdateText({ ...person, progressUrl: `${portal}/progress` }, "sms", firstText);
        expect(segmentsOf(body).segments, body).toBe(1);
      }
    const short = textBody(
      { ...base, ...people[3]!, kind: "confirmation", modality: "telehealth", timeZone: "UTC" },
      "sms",
    );
    expect(short).toBe(`Hi A, your video visit with Dr. B is booked for Wed 23 Dec 14:30 UTC. ${base.portalUrl}`);
  });

  it("WhatsApp never carries the SMS opt-out line", () => {
    const body = textBody(
      { ...base, ...people[0]!, kind: "reminder_24h", modality: "in_person", timeZone: "UTC" },
      "whatsapp",
      true,
    );
    expect(body).not.toContain("STOP");
  });
});

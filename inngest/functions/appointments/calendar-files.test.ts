import { InngestTestEngine } from "@inngest/test";
import { asc } from "drizzle-orm";
import ICAL from "ical.js";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { eventOutbox } from "@/db/schema";
import { bookAppointment, cancelAppointment, rescheduleAppointment } from "@/lib/appointments/lifecycle";
import type { ReceivedEmail } from "@/testing/fakes/resend-fake";
import { createAppointment, createClinician, createPatient, resetFakes, setUpFakes } from "@/testing/fixtures";
import { sendAppointmentMessage } from "./send-message";

const fakes = setUpFakes();
beforeEach(() => resetFakes(fakes));

/** Runs the send function for every event the outbox holds for this appointment, oldest first. */
async function sendQueued(appointmentId: string, after = 0) {
  const rows = await db().select().from(eventOutbox).orderBy(asc(eventOutbox.createdAt));
  for (const row of rows
    .filter((r) => (r.data as { appointmentId?: string }).appointmentId === appointmentId)
    .slice(after))
    await new InngestTestEngine({
      function: sendAppointmentMessage,
      events: [{ id: row.id, name: row.name, data: row.data } as never],
    }).execute();
}

/** The email's one calendar attachment, parsed back by ical.js. */
function calendarOf(email: ReceivedEmail) {
  expect(email.attachments).toHaveLength(1);
  const [file] = email.attachments;
  expect(file!.filename).toMatch(/^visit-\d{4}-\d{2}-\d{2}\.ics$/);
  const calendar = new ICAL.Component(ICAL.parse(file!.text));
  const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
  return { method: calendar.getFirstPropertyValue("method"), contentType: file!.contentType, event, text: file!.text };
}

describe("calendar files in appointment emails", () => {
  it("confirmation and move are REQUESTs, the cancellation a CANCEL, of one UID with a rising SEQUENCE", async () => {
    const patient = await createPatient(db(), { firstName: "Ada", timeZone: "America/New_York" });
    const made = await createClinician(db());
    await createAppointment(db(), {
      patientId: patient.id,
      clinicianId: made.id,
      startsAt: new Date("2020-01-01T10:00Z"),
      status: "completed",
    });
    const clinician = { id: made.id, email: made.email, name: null, role: "clinician" as const };
    const booked = await bookAppointment(db(), clinician, {
      patientId: patient.id,
      startsAt: "2027-03-01T10:00",
      durationMinutes: 30,
      modality: "telehealth",
    });
    if (!booked.ok) throw new Error(booked.message);
    const { appointmentId } = booked;
    await sendQueued(appointmentId);
    expect((await rescheduleAppointment(db(), clinician, appointmentId, "2027-03-02T11:00")).ok).toBe(true);
    await sendQueued(appointmentId, 1);
    const reason = "Clinician unwell, PRIVATE-REASON";
    expect((await cancelAppointment(db(), clinician, appointmentId, reason)).ok).toBe(true);
    await sendQueued(appointmentId, 2);

    const emails = fakes.resend.emails.filter((e) => e.to === patient.email || e.to.includes(patient.email));
    expect(emails.map((e) => e.subject)).toEqual([
      "Your video visit is booked",
      expect.stringMatching(/new time/i),
      expect.stringMatching(/cancel/i),
    ]);
    const [confirmed, moved, cancelled] = emails.map(calendarOf);
    expect(confirmed!.method).toBe("REQUEST");
    expect(confirmed!.contentType).toContain("method=REQUEST");
    expect(confirmed!.event.startDate.toJSDate()).toEqual(new Date("2027-03-01T10:00:00Z"));
    expect(moved!.method).toBe("REQUEST");
    expect(moved!.event.startDate.toJSDate()).toEqual(new Date("2027-03-02T11:00:00Z"));
    expect(cancelled!.method).toBe("CANCEL");
    expect(cancelled!.text).toContain("STATUS:CANCELLED");
    // One UID throughout; each change raises the sequence, so calendars apply them in order.
    expect(new Set([confirmed, moved, cancelled].map((c) => c!.event.uid)).size).toBe(1);
    expect([confirmed, moved, cancelled].map((c) => c!.event.sequence)).toEqual([0, 1, 2]);
    // The time as the patient reads it (their zone), and nothing the email does not carry: never the reason.
    expect(confirmed!.text).toContain("DTSTART;TZID=America/New_York:20270301T050000");
    for (const email of emails) {
      expect(JSON.stringify(email)).not.toContain("PRIVATE-REASON");
      expect(email.attachments[0]!.text).not.toContain("PRIVATE-REASON");
    }
  });

  it("reminders carry no calendar file", async () => {
    const patient = await createPatient(db());
    const made = await createClinician(db());
    const appointmentId = await createAppointment(db(), {
      patientId: patient.id,
      clinicianId: made.id,
      startsAt: new Date(Date.now() + 10 * 60_000),
    });
    const { deliver } = await import("@/lib/notifications/gate");
    expect(await deliver(db(), { appointmentId, kind: "reminder_15m", channel: "email" })).toMatchObject({
      outcome: "sent",
    });
    const [email] = fakes.resend.emails.filter((e) => e.to === patient.email);
    expect(email!.attachments).toEqual([]);
  });
});

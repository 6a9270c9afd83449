import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { appointments, notificationDeliveries, patientProfiles } from "@/db/schema";
import { createAppointment, createClinician, createPatient, resetFakes, setUpFakes } from "@/testing/fixtures";
import { receiveInboundText } from "@/lib/patients/text-opt-out";
import { sendReminder } from "./send";

// The clinic's default hours; the patient is in New York.
const fakes = setUpFakes({ NOTIFY_TEXT_HOURS: "08:00-21:00" });
beforeEach(() => {
  resetFakes(fakes);
  // Only the clock the app reads is set; timers, sockets and the database run as usual.
  vi.useFakeTimers({ toFake: ["Date"] });
});
afterEach(() => vi.useRealTimers());

async function visitAt(startsAt: string) {
  const patient = await createPatient(db(), {
    timeZone: "America/New_York",
    country: "US",
    phoneE164: "+12025550143",
    textMessages: true,
  });
  const clinician = await createClinician(db());
  return createAppointment(db(), { patientId: patient.id, clinicianId: clinician.id, startsAt: new Date(startsAt) });
}
const rowsOf = (appointmentId: string) =>
  db().select().from(notificationDeliveries).where(eq(notificationDeliveries.appointmentId, appointmentId));

describe("quiet hours through the reminder function, the real SDKs and the fakes", () => {
  it("a 24 h reminder found at 22:00: the email goes now, the text sleeps and goes at 08:00", async () => {
    // Visit Friday 12 June 10:00 EDT; the run happens at 22:00 EDT the evening before.
    const appointmentId = await visitAt("2026-06-12T14:00:00Z");
    vi.setSystemTime(new Date("2026-06-12T02:00:00Z"));
    const slept: string[] = [];
    const { result } = await new InngestTestEngine({
      function: sendReminder,
      events: [{ name: "portal/reminder.due", data: { appointmentId, kind: "reminder_24h" } }],
      // Inngest wakes the run at the time asked for: the mocked sleep records it and moves the clock there.
      steps: [
        {
          id: "deliver-text-quiet-hours-1",
          handler: () => {
            slept.push(new Date().toISOString());
            expect(fakes.twilio.requests).toHaveLength(0);
            vi.setSystemTime(new Date("2026-06-12T12:00:00Z"));
          },
        },
      ],
    }).execute();
    expect(result).toEqual({ email: "sent", text: "sent" });
    expect(slept).toEqual(["2026-06-12T02:00:00.000Z"]);
    expect(fakes.resend.requests).toHaveLength(1);
    expect(fakes.twilio.requests).toHaveLength(1);
    const text = (await rowsOf(appointmentId)).find((row) => row.channel === "sms")!;
    expect(text).toMatchObject({
      status: "sent",
      scheduledFor: new Date("2026-06-12T12:00:00Z"),
      sentAt: new Date("2026-06-12T12:00:00Z"),
    });
  });

  it("a STOP while the text sleeps: at 08:00 the gate reads texts off and skips it; the email had gone", async () => {
    const appointmentId = await visitAt("2026-06-12T14:00:00Z");
    vi.setSystemTime(new Date("2026-06-12T02:00:00Z"));
    const { result } = await new InngestTestEngine({
      function: sendReminder,
      events: [{ name: "portal/reminder.due", data: { appointmentId, kind: "reminder_24h" } }],
      steps: [
        {
          id: "deliver-text-quiet-hours-1",
          handler: async () => {
            // 23:30 EDT: the patient replies STOP to an earlier text (the inbound webhook's own path).
            vi.setSystemTime(new Date("2026-06-12T03:30:00Z"));
            await receiveInboundText(db(), {
              messageSid: "SM-stop-while-deferred",
              from: "+12025550143",
              body: "STOP",
              intent: "revoke",
            });
            vi.setSystemTime(new Date("2026-06-12T12:00:00Z"));
          },
        },
      ],
    }).execute();
    expect(result).toEqual({ email: "sent", text: "skipped:texts_disabled" });
    expect(fakes.twilio.requests).toHaveLength(0);
    expect((await rowsOf(appointmentId)).map((row) => [row.channel, row.status, row.reason]).sort()).toEqual([
      ["email", "sent", null],
      ["sms", "skipped", "texts_disabled"],
    ]);
  });

  it("the visit moves a day later while the text sleeps: at 08:00 it is not due, the old time's row is superseded", async () => {
    const appointmentId = await visitAt("2026-06-12T14:00:00Z");
    vi.setSystemTime(new Date("2026-06-12T02:00:00Z"));
    const { result } = await new InngestTestEngine({
      function: sendReminder,
      events: [{ name: "portal/reminder.due", data: { appointmentId, kind: "reminder_24h" } }],
      steps: [
        {
          id: "deliver-text-quiet-hours-1",
          handler: async () => {
            await db()
              .update(appointments)
              .set({ startsAt: new Date("2026-06-13T14:00:00Z") })
              .where(eq(appointments.id, appointmentId));
            vi.setSystemTime(new Date("2026-06-12T12:00:00Z"));
          },
        },
      ],
    }).execute();
    expect(result).toEqual({ email: "sent", text: "not_due" });
    expect(fakes.twilio.requests).toHaveLength(0);
    // The scan finds the reminder for the new time when it is due: its row will have a key of its own.
    expect((await rowsOf(appointmentId)).map((row) => [row.channel, row.status, row.reason]).sort()).toEqual([
      ["email", "sent", null],
      ["sms", "skipped", "superseded"],
    ]);
  });

  it("no allowed moment left inside the window: the text is recorded as quiet_hours, the email still goes", async () => {
    // Visit 08:30 EDT: its 24 h reminder found at 22:00 could go at 08:00 at the earliest, after its window (07:30).
    const appointmentId = await visitAt("2026-06-12T12:30:00Z");
    vi.setSystemTime(new Date("2026-06-12T02:00:00Z"));
    const { result } = await new InngestTestEngine({
      function: sendReminder,
      events: [{ name: "portal/reminder.due", data: { appointmentId, kind: "reminder_24h" } }],
    }).execute();
    expect(result).toEqual({ email: "sent", text: "skipped:quiet_hours" });
    expect(fakes.twilio.requests).toHaveLength(0);
    expect((await rowsOf(appointmentId)).map((row) => [row.channel, row.status, row.reason]).sort()).toEqual([
      ["email", "sent", null],
      ["sms", "skipped", "quiet_hours"],
    ]);
  });

  it("the patient narrows their hours at every wake: after the last wake the text is closed as quiet_hours", async () => {
    // Visit 18:00 EDT; the 24 h reminder is found at 22:00 EDT the evening before and sleeps until 08:00.
    const appointmentId = await visitAt("2026-06-12T22:00:00Z");
    const [visit] = await db()
      .select({ patientId: appointments.patientId })
      .from(appointments)
      .where(eq(appointments.id, appointmentId));
    vi.setSystemTime(new Date("2026-06-12T02:00:00Z"));
    // At each wake (08:00, 09:00, … EDT) the patient's own hours start one hour later than the wake.
    const wake = (n: number) => ({
      id: `deliver-text-quiet-hours-${n}`,
      handler: async () => {
        await db()
          .update(patientProfiles)
          .set({ textHoursStart: `${String(8 + n).padStart(2, "0")}:00`, textHoursEnd: "21:00" })
          .where(eq(patientProfiles.userId, visit!.patientId));
        vi.setSystemTime(new Date(Date.UTC(2026, 5, 12, 11 + n)));
      },
    });
    const { result } = await new InngestTestEngine({
      function: sendReminder,
      events: [{ name: "portal/reminder.due", data: { appointmentId, kind: "reminder_24h" } }],
      steps: [1, 2, 3, 4, 5].map(wake),
    }).execute();
    expect(result).toEqual({ email: "sent", text: "skipped:quiet_hours" });
    expect(fakes.twilio.requests).toHaveLength(0);
    expect((await rowsOf(appointmentId)).map((row) => [row.channel, row.status, row.reason]).sort()).toEqual([
      ["email", "sent", null],
      ["sms", "skipped", "quiet_hours"],
    ]);
  });
});

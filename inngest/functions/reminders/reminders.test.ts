import { InngestTestEngine } from "@inngest/test";
import { and, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { appointments, notificationDeliveries, patientProfiles, users } from "@/db/schema";
import { seed, seedEmails } from "@/db/seed";
import { receivedEvents, type startInngestFake } from "@/testing/fakes/inngest-fake";
import type { startResendFake } from "@/testing/fakes/resend-fake";
import type { startTwilioFake } from "@/testing/fakes/twilio-fake";
import { createAppointment, createClinician, createPatient, setUpFakes } from "@/testing/fixtures";
import { CLAIM_LEASE_MS } from "@/lib/notifications/gate";
import { scanReminders } from "./scan";
import { sendReminder } from "./send";

const fakes = setUpFakes();
let resend: Awaited<ReturnType<typeof startResendFake>>;
let twilio: Awaited<ReturnType<typeof startTwilioFake>>;
let events: Awaited<ReturnType<typeof startInngestFake>>;
let adaId = "";
let visitId = "";

beforeAll(async () => {
  // Seeded "now": Ada's video visit starts in 10 minutes, so its 15-minute reminder is due.
  await seed(db(), new Date());
  ({ resend, twilio, inngest: events } = fakes);
  const [ada] = await db().select({ id: users.id }).from(users).where(eq(users.email, seedEmails.ada));
  adaId = ada!.id;
  const [visit] = await db()
    .select({ id: appointments.id })
    .from(appointments)
    .where(
      and(
        eq(appointments.patientId, adaId),
        eq(appointments.status, "scheduled"),
        eq(appointments.modality, "telehealth"),
      ),
    );
  visitId = visit!.id;
});
beforeEach(async () => {
  resend.reset();
  for (const fake of [twilio, events]) fake.requests.length = 0;
  await db().delete(notificationDeliveries);
  await db().update(patientProfiles).set({ appointmentReminders: true }).where(eq(patientProfiles.userId, adaId));
});

const reminderEvent = (kind: string) => ({ name: "portal/reminder.due", data: { appointmentId: visitId, kind } });

describe("reminder functions", () => {
  it("the scan fans out one event per due pair with deterministic ids", async () => {
    const { result } = await new InngestTestEngine({ function: scanReminders }).execute();
    const sent = receivedEvents(events.requests);
    expect(result).toEqual({ due: sent.length, passedRecorded: 0 });
    const adas = sent.filter((event) => event.data.appointmentId === visitId);
    expect(adas.map((event) => event.data.kind).sort()).toEqual(["reminder_15m", "reminder_1h", "reminder_24h"]);
    expect(adas.every((event) => event.id?.startsWith(`reminder-${visitId}-`))).toBe(true);
    expect(Object.keys(adas[0]!.data).sort()).toEqual(["appointmentId", "kind"]);
  });

  it("sends the 15-minute meeting-link reminder on both channels, and records the passed ones", async () => {
    const { result } = await new InngestTestEngine({
      function: sendReminder,
      events: [reminderEvent("reminder_15m")],
    }).execute();
    expect(result).toEqual({ email: "sent", text: "sent" });
    expect((resend.requests[0]?.parsed as { subject: string }).subject).toBe(
      "Your video visit starts soon: here is your link",
    );
    expect((twilio.requests[0]?.parsed as { To: string }).To).toBe("+447911123456");

    const late = await new InngestTestEngine({
      function: sendReminder,
      events: [reminderEvent("reminder_1h")],
    }).execute();
    expect(late.result).toEqual({ email: "skipped:window_passed", text: "skipped:window_passed" });
  });

  it("reminders turned off after the fan-out but before the send: nothing is sent", async () => {
    await new InngestTestEngine({ function: scanReminders }).execute();
    const fannedOut = receivedEvents(events.requests).filter(
      (event) => event.data.appointmentId === visitId && event.data.kind === "reminder_15m",
    );
    expect(fannedOut).toHaveLength(1);
    await db().update(patientProfiles).set({ appointmentReminders: false }).where(eq(patientProfiles.userId, adaId));
    const { result } = await new InngestTestEngine({ function: sendReminder, events: [fannedOut[0]!] }).execute();
    expect(result).toEqual({ email: "skipped:reminders_disabled", text: "skipped:reminders_disabled" });
    expect(resend.requests.length + twilio.requests.length).toBe(0);
  });

  it("the same event delivered three times sends once per channel", async () => {
    // Three separate runs, as Inngest makes for three deliveries of one event (no shared step memo).
    const run = async () =>
      (await new InngestTestEngine({ function: sendReminder, events: [reminderEvent("reminder_15m")] }).execute())
        .result;
    const results = [await run(), await run(), await run()];
    expect(results).toEqual([
      { email: "sent", text: "sent" },
      { email: "duplicate", text: "duplicate" },
      { email: "duplicate", text: "duplicate" },
    ]);
    expect(resend.requests).toHaveLength(1);
    expect(twilio.requests).toHaveLength(1);
  });

  it("a channel whose claim another attempt still holds is retried when that claim's lease ends", async () => {
    await new InngestTestEngine({ function: sendReminder, events: [reminderEvent("reminder_15m")] }).execute();
    // The email attempt is, as far as the database knows, still sending.
    await db()
      .update(notificationDeliveries)
      .set({ status: "pending", updatedAt: new Date() })
      .where(eq(notificationDeliveries.channel, "email"));
    const { error } = await new InngestTestEngine({
      function: sendReminder,
      events: [reminderEvent("reminder_15m")],
    }).execute();
    // RetryAfterError sets the retry time Inngest honours (instead of its backoff, which would end inside the lease).
    expect(error).toMatchObject({ name: "RetryAfterError" });
    const retryAt = new Date(/retry after (\S+)$/.exec((error as Error).message)![1]!);
    expect(Math.abs(retryAt.getTime() - (Date.now() + CLAIM_LEASE_MS))).toBeLessThan(60_000);
    expect(resend.requests).toHaveLength(1);
  });

  it("a cancelled appointment gets no reminder", async () => {
    // An appointment of this test's own, cancelled, starting in 10 minutes: its 15-minute reminder's moment has come.
    const patient = await createPatient(db(), { textMessages: true, phoneE164: "+447911123456" });
    const clinician = await createClinician(db());
    const cancelled = await createAppointment(db(), {
      patientId: patient.id,
      clinicianId: clinician.id,
      startsAt: new Date(Date.now() + 10 * 60_000),
      status: "cancelled",
    });
    const { result } = await new InngestTestEngine({
      function: sendReminder,
      events: [{ name: "portal/reminder.due", data: { appointmentId: cancelled, kind: "reminder_15m" } }],
    }).execute();
    expect(result).toEqual({ email: "skipped:appointment_cancelled", text: "skipped:appointment_cancelled" });
    expect(resend.requests.length + twilio.requests.length).toBe(0);
  });
});

import { createHash } from "node:crypto";
import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { appointments, jobWatermarks, notificationDeliveries } from "@/db/schema";
import { receivedEvents } from "@/testing/fakes/inngest-fake";
import { failSentOutcomeWrites } from "@/testing/faults";
import { createAppointment, createClinician, createPatient, resetFakes, setUpFakes } from "@/testing/fixtures";
import { scanReminders } from "./scan";
import { sendReminder } from "./send";

const fakes = setUpFakes();
beforeEach(async () => {
  resetFakes(fakes);
  // Each test's own appointments are the only scheduled ones the scan sees.
  await db().update(appointments).set({ status: "cancelled" }).where(eq(appointments.status, "scheduled"));
});

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

async function patientWithVisit(startsInMs: number, profile: Parameters<typeof createPatient>[1] = {}) {
  const patient = await createPatient(db(), { phoneE164: "+447911123456", textMessages: true, ...profile });
  const clinician = await createClinician(db());
  const appointmentId = await createAppointment(db(), {
    patientId: patient.id,
    clinicianId: clinician.id,
    startsAt: new Date(Date.now() + startsInMs),
  });
  return { patient, clinician, appointmentId };
}
const scan = async () => {
  fakes.inngest.requests.length = 0;
  const { result } = await new InngestTestEngine({ function: scanReminders }).execute();
  return { result, events: receivedEvents(fakes.inngest.requests) };
};
const send = (
  event: { id?: string; name: string; data: Record<string, unknown> },
  steps?: { id: string; handler: () => unknown }[],
) => new InngestTestEngine({ function: sendReminder, events: [event as never], steps }).execute();

describe("reminders when things fail", () => {
  it("moved later and back before the reminder went: the re-found reminder has a new event id and is sent", async () => {
    const { appointmentId } = await patientWithVisit(10 * MINUTE);
    const first = (await scan()).events.find(
      (event) => event.data.appointmentId === appointmentId && event.data.kind === "reminder_15m",
    )!;
    const [original] = await db()
      .select({ startsAt: appointments.startsAt })
      .from(appointments)
      .where(eq(appointments.id, appointmentId));
    // Moved two hours later before the run: the run finds it not yet due and records nothing.
    await db()
      .update(appointments)
      .set({ startsAt: new Date(original!.startsAt.getTime() + 2 * HOUR) })
      .where(eq(appointments.id, appointmentId));
    expect((await send(first)).result).toEqual({ email: "not_due", text: "not_due" });
    // Moved back: the scan re-finds it under another id (Inngest drops an id it saw in the last 24 h).
    await db().update(appointments).set({ startsAt: original!.startsAt }).where(eq(appointments.id, appointmentId));
    const again = (await scan()).events.find(
      (event) => event.data.appointmentId === appointmentId && event.data.kind === "reminder_15m",
    )!;
    expect(again.id).not.toBe(first.id);
    expect((await send(again)).result).toEqual({ email: "sent", text: "sent" });
  });

  it("an accepted SMS whose outcome cannot be written: the record step fails and is retried alone, never the send", async () => {
    const { appointmentId } = await patientWithVisit(10 * MINUTE, { emailNotifications: false });
    const event = { name: "portal/reminder.due", data: { appointmentId, kind: "reminder_15m" } };
    const heal = await failSentOutcomeWrites(db(), 1000);
    let firstRun;
    try {
      firstRun = await send(event);
    } finally {
      await heal();
    }
    // The run failed at the text's record step; its deliver steps' results are what Inngest memoized.
    expect(firstRun.error).toBeTruthy();
    expect(fakes.twilio.requests).toHaveLength(1);
    // The engine keys step state by the hashed step id, as Inngest does.
    const hashed = (id: string) => createHash("sha1").update(id).digest("hex");
    const memo = await Promise.all(
      ["deliver-email", "deliver-text"].map(async (id) => ({ id, value: await firstRun.state[hashed(id)] })),
    );
    expect(memo[1]!.value).toMatchObject({ outcome: "sent", unrecorded: { attempts: 1 } });

    // Inngest's retry replays the memoized steps and runs the record step again, now that the database answers.
    const retry = await send(
      event,
      memo.map(({ id, value }) => ({ id, handler: () => value })),
    );
    expect(retry.result).toEqual({ email: "skipped:email_disabled", text: "sent" });
    expect(fakes.twilio.requests).toHaveLength(1);
    const rows = await db()
      .select()
      .from(notificationDeliveries)
      .where(eq(notificationDeliveries.appointmentId, appointmentId));
    expect(rows.map((row) => [row.channel, row.status]).sort()).toEqual([
      ["email", "skipped"],
      ["sms", "sent"],
    ]);
  });

  it("after downtime longer than the scan's look-back, every reminder whose window passed is recorded as window_passed", async () => {
    // Three appointments that started 2 h, 3 days and 20 days ago while nothing scanned; one reminder already sent.
    const visits = await Promise.all(
      [-2 * HOUR, -3 * 24 * HOUR, -20 * 24 * HOUR].map((offset) => patientWithVisit(offset)),
    );
    await db()
      .insert(notificationDeliveries)
      .values({
        deliveryKey: `${visits[0]!.appointmentId}:reminder_24h:email:already`,
        patientId: visits[0]!.patient.id,
        appointmentId: visits[0]!.appointmentId,
        appointmentStartsAt: (
          await db().select().from(appointments).where(eq(appointments.id, visits[0]!.appointmentId))
        )[0]!.startsAt,
        kind: "reminder_24h",
        channel: "email",
        status: "sent",
      });
    // The last scan before the downtime ran 25 days ago.
    await db()
      .insert(jobWatermarks)
      .values({ name: "reminders-passed", until: new Date(Date.now() - 25 * 24 * HOUR) })
      .onConflictDoUpdate({ target: jobWatermarks.name, set: { until: new Date(Date.now() - 25 * 24 * HOUR) } });
    const { result } = await scan();
    expect(result).toMatchObject({ passedRecorded: 2 * 6 + 2 * 2 });
    for (const [index, visit] of visits.entries()) {
      const rows = await db()
        .select()
        .from(notificationDeliveries)
        .where(eq(notificationDeliveries.appointmentId, visit.appointmentId));
      const passed = rows.filter((row) => row.reason === "window_passed");
      expect(passed.map((row) => `${row.kind}:${row.channel}`).sort()).toEqual(
        (index === 0 ? ["reminder_1h", "reminder_15m"] : ["reminder_24h", "reminder_1h", "reminder_15m"])
          .flatMap((kind) => [`${kind}:email`, `${kind}:sms`])
          .sort(),
      );
    }
    // The next run covers only the minutes since: nothing more, nothing twice.
    expect((await scan()).result).toMatchObject({ passedRecorded: 0 });
  });

  it("a backlog above 5,000 due reminders fans out in requests within Inngest's limits", async () => {
    const { patient, clinician } = await patientWithVisit(20 * HOUR);
    const startsAt = new Date(Date.now() + 10 * MINUTE);
    const rows = Array.from({ length: 1700 }, (_, i) => ({
      patientId: patient.id,
      clinicianId: clinician.id,
      startsAt: new Date(startsAt.getTime() + i * 100),
      modality: "telehealth" as const,
      createdAt: new Date(Date.now() - 14 * 24 * HOUR),
    }));
    for (let offset = 0; offset < rows.length; offset += 500)
      await db()
        .insert(appointments)
        .values(rows.slice(offset, offset + 500));
    const { result } = await scan();
    expect(result).toMatchObject({ due: 5000 });
    const requests = fakes.inngest.requests.filter((request) => request.path.startsWith("/e/"));
    expect(requests).toHaveLength(10);
    for (const request of requests) {
      expect((request.parsed as unknown[]).length).toBeLessThanOrEqual(500);
      expect(Buffer.byteLength(request.body)).toBeLessThanOrEqual(256 * 1024);
    }
  });
});

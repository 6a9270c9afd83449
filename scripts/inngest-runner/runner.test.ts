import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { appointments, devOutbox, eventOutbox, notificationDeliveries, users } from "@/db/schema";
import { seed, seedEmails } from "@/db/seed";
import { relayOutboxNow } from "@/inngest/relay";
import { bookAppointment } from "@/lib/appointments/lifecycle";
import { startResendFake } from "@/testing/fakes/resend-fake";
import type { Run } from "./run";
import { startRunnerOnApps } from "./test-support";
import { weekdayAhead } from "@/testing/dates";

// The clock starts 30 s before a whole minute (at most 90 s ahead of the database's): the relay is due in 30 s.
const start = Math.ceil(Date.now() / 60_000) * 60_000 + 30_000;
let stand: Awaited<ReturnType<typeof startRunnerOnApps>>;
const people = {} as Record<"ada" | "grey", string>;

beforeAll(async () => {
  await seed(db());
  for (const who of ["ada", "grey"] as const) {
    people[who] = (await db().select({ id: users.id }).from(users).where(eq(users.email, seedEmails[who])))[0]!.id;
  }
  stand = await startRunnerOnApps(start);
});
afterAll(() => stand.stop());
beforeEach(async () => {
  await stand.runner.settle({ retries: false });
  stand.runner.runs.length = 0;
});

let day = 10;
/** Dr. Grey books Ada on a day of this test's own; the booking's event waits in the outbox (no request, no after()). */
async function bookAda(): Promise<string> {
  // A weekday of its own: each booking is inside Dr. Grey's hours and overlaps none of the others.
  const date = weekdayAhead(day);
  day = Math.ceil((Date.parse(date) + 86_400_000 - Date.now()) / 86_400_000);
  const grey = { id: people.grey, email: seedEmails.grey, name: null, role: "clinician" as const };
  const booked = await bookAppointment(db(), grey, {
    patientId: people.ada,
    startsAt: `${date}T10:00`,
    durationMinutes: 30,
    modality: "in_person",
  });
  expect(booked.ok).toBe(true);
  const [row] = await db()
    .select({ data: eventOutbox.data })
    .from(eventOutbox)
    .where(sql`${eventOutbox.publishedAt} is null and ${eventOutbox.name} = 'portal/appointment.booked'`);
  return (row!.data as { appointmentId: string }).appointmentId;
}

const deliveriesOf = (appointmentId: string) =>
  db()
    .select({ channel: notificationDeliveries.channel, status: notificationDeliveries.status })
    .from(notificationDeliveries)
    .where(eq(notificationDeliveries.appointmentId, appointmentId))
    .orderBy(notificationDeliveries.channel);
const runsOf = (fn: string) => stand.runner.runs.filter((run) => run.fn === fn);
const steps = (run: Run | undefined) => run?.steps.map((s) => `${s.name}:${s.status}:${s.attempts}`);
const sent = [
  { channel: "email", status: "sent" },
  { channel: "sms", status: "sent" },
];

describe("the bundled Inngest runner driving the portal's /api/inngest", () => {
  it("syncs the app: every function with its triggers, retries, flow control and each cron's next time", () => {
    const portal = stand.runner.functions().filter((fn) => fn.app === "patient-portal");
    const bySlug = Object.fromEntries(portal.map((fn) => [fn.slug, fn]));
    expect(Object.keys(bySlug).sort()).toEqual([
      "confirm-text-revocation",
      "enforce-recording-consent",
      "enforce-transcription-consent",
      "prune-audit-records",
      "prune-rate-limits",
      "relay-outbox",
      "scan-reminders",
      "send-appointment-message",
      "send-reminder",
      "share-progress-note",
    ]);
    expect(bySlug["send-appointment-message"]).toMatchObject({
      events: [
        { name: "portal/appointment.booked" },
        { name: "portal/appointment.cancelled" },
        { name: "portal/appointment.rescheduled" },
      ],
      retries: 5,
      throttle: { limit: 50, periodMs: 1000 },
      url: `${stand.app.origin}/api/inngest?fnId=patient-portal-send-appointment-message&stepId=step`,
    });
    expect(bySlug["share-progress-note"]!.idempotencyPath).toEqual(["data", "progressNoteId"]);
    expect(bySlug["relay-outbox"]).toMatchObject({ crons: ["* * * * *"], concurrency: 1 });
    const next = stand.runner.nextCronTimes();
    expect(next["relay-outbox"]).toBe(start + 30_000);
    expect(new Date(next["scan-reminders"]!).getUTCMinutes() % 5).toBe(0);
    expect(new Date(next["prune-rate-limits"]!).toISOString()).toMatch(/T03:17:00\.000Z$/);
  });

  it("honours the app's RetryAfterError: a claim held by another attempt is retried when its lease ends, not sooner", async () => {
    const appointmentId = await bookAda();
    const [appointment] = await db()
      .select({ startsAt: appointments.startsAt })
      .from(appointments)
      .where(eq(appointments.id, appointmentId));
    // An attempt that died mid-send left the email's key claimed, with a 5-minute lease from now.
    await db()
      .insert(notificationDeliveries)
      .values({
        deliveryKey: `${appointmentId}:confirmation:email:${appointment!.startsAt.toISOString()}`,
        patientId: people.ada,
        appointmentId,
        kind: "confirmation",
        channel: "email",
        status: "pending",
        attempts: 1,
      });
    await relayOutboxNow();
    await stand.runner.settle({ retries: false });
    const [run] = runsOf("send-appointment-message");
    expect(run).toMatchObject({ status: "waiting-retry", attempt: 1 });
    // Retry-After is the lease's end as a date (the database's now + 5 min + 1 s), whatever the runner's clock says.
    const wait = run!.wakeAt! - Date.now();
    expect(wait).toBeGreaterThan(295_000);
    expect(wait).toBeLessThan(305_000);
    // The backoff (10 s) passes: nothing is retried yet.
    const requests = run!.requests;
    stand.clock.advanceBy(10_000);
    await stand.runner.settle({ retries: false });
    expect(run).toMatchObject({ status: "waiting-retry", requests });
    // The lease runs out (moved back in the database), then the retry takes the claim back and sends.
    await db()
      .update(notificationDeliveries)
      .set({ updatedAt: sql`now() - interval '6 minutes'` })
      .where(and(eq(notificationDeliveries.appointmentId, appointmentId), eq(notificationDeliveries.channel, "email")));
    stand.clock.advanceTo(run!.wakeAt!);
    await stand.runner.settle();
    expect(run).toMatchObject({ status: "completed", output: { email: "sent" } });
    expect(steps(run)?.[0]).toBe("deliver-email:completed:2");
    expect(await deliveriesOf(appointmentId)).toEqual(sent);
  });

  it("runs the relay cron on its minute: a booking left in the outbox is published and its confirmation sent", async () => {
    const appointmentId = await bookAda();
    const relayAt = stand.runner.nextCronTimes()["relay-outbox"]!;
    expect(relayAt % 60_000).toBe(0);
    stand.clock.advanceTo(relayAt - 1);
    await stand.runner.settle();
    expect(runsOf("relay-outbox")).toEqual([]);
    stand.clock.advanceTo(relayAt);
    await stand.runner.settle();
    const [relay] = runsOf("relay-outbox");
    expect(relay).toMatchObject({ status: "completed", event: "inngest/scheduled.timer" });
    expect(relay!.output).toMatchObject({ published: 1, pending: 0 });
    expect(runsOf("send-appointment-message")).toMatchObject([{ status: "completed" }]);
    expect(await deliveriesOf(appointmentId)).toEqual(sent);
    // The 5-minute scan fires at its time, not a moment before. When the relay's minute is also a fifth minute, the
    // scan has already run once with it: only runs after that one count.
    const scansBefore = runsOf("scan-reminders").length;
    const scanAt = stand.runner.nextCronTimes()["scan-reminders"]!;
    stand.clock.advanceTo(scanAt - 1);
    await stand.runner.settle();
    expect(runsOf("scan-reminders")).toHaveLength(scansBefore);
    stand.clock.advanceTo(scanAt);
    await stand.runner.settle();
    const scans = runsOf("scan-reminders");
    expect(scans).toHaveLength(scansBefore + 1);
    expect(scans.at(-1)).toMatchObject({ status: "completed" });
    expect(steps(scans.at(-1))?.at(-1)).toBe("record-passed-reminders:completed:1");
  });

  it("runs an event's function to its end step by step, each step's result memoized", async () => {
    const appointmentId = await bookAda();
    expect(await relayOutboxNow()).toMatchObject({ published: 1 });
    await stand.runner.settle();
    const [run] = runsOf("send-appointment-message");
    expect(run).toMatchObject({ status: "completed", event: "portal/appointment.booked", requests: 3 });
    expect(run!.output).toEqual({ kind: "confirmation", email: "sent", text: "sent" });
    expect(steps(run)).toEqual(["deliver-email:completed:1", "deliver-text:completed:1"]);
    expect(await deliveriesOf(appointmentId)).toEqual(sent);
    const outbox = await db()
      .select({ subject: devOutbox.subject })
      .from(devOutbox)
      .where(eq(devOutbox.recipient, seedEmails.ada));
    expect(outbox.map((m) => m.subject)).toContain("Your appointment is booked");
  });

  it("retries a failed step after its backoff, and only that step: Resend's 500 then the email goes once", async () => {
    const resend = await startResendFake();
    vi.stubEnv("RESEND_API_KEY", "re_test");
    vi.stubEnv("RESEND_BASE_URL", resend.url);
    try {
      resend.queueReply({ status: 500, body: { name: "application_error", message: "down", statusCode: 500 } });
      const appointmentId = await bookAda();
      await relayOutboxNow();
      await stand.runner.settle({ retries: false });
      const [run] = runsOf("send-appointment-message");
      expect(run).toMatchObject({ status: "waiting-retry", attempt: 1, wakeAt: stand.clock.now() + 10_000 });
      expect(steps(run)).toEqual(["deliver-email:errored:1"]);
      stand.clock.advanceTo(run!.wakeAt!);
      await stand.runner.settle();
      expect(run).toMatchObject({ status: "completed" });
      expect(steps(run)).toEqual(["deliver-email:completed:2", "deliver-text:completed:1"]);
      expect(resend.requests).toHaveLength(2);
      expect(await deliveriesOf(appointmentId)).toEqual(sent);
    } finally {
      vi.stubEnv("RESEND_API_KEY", "");
      vi.stubEnv("RESEND_BASE_URL", "");
      await resend.close();
    }
  });

  it("drops an event whose id it saw in the last 24 hours, as Inngest does, and takes it again after", async () => {
    const event = { id: "runner-test-duplicate", name: "test/echo", data: { n: 1 } };
    await stand.runner.send([event]);
    await stand.runner.send([{ ...event, data: { n: 2 } }]);
    await stand.runner.settle();
    expect(runsOf("echo")).toMatchObject([{ status: "completed", output: { n: 1 } }]);
    // A day later (the machine slept: each cron fires once on waking, none is caught up).
    stand.clock.jumpTo(stand.clock.now() + 24 * 3600_000 + 1000);
    await stand.runner.send([{ ...event, data: { n: 3 } }]);
    await stand.runner.settle();
    expect(runsOf("echo").map((run) => run.output)).toEqual([{ n: 1 }, { n: 3 }]);
    expect(runsOf("relay-outbox")).toHaveLength(1);
  });
});

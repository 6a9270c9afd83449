import { and, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import {
  appointmentReschedules,
  appointments,
  notificationDeliveries,
  patientProfiles,
  preferenceLedger,
  users,
} from "@/db/schema";
import { seed, seedEmails } from "@/db/seed";
import { startResendFake } from "@/testing/fakes/resend-fake";
import type { startTwilioFake } from "@/testing/fakes/twilio-fake";
import { setUpFakes } from "@/testing/fixtures";
import { CLAIM_LEASE_MS, deliver, DeliveryInFlightError, TransientDeliveryError } from "./gate";

const seededAt = new Date("2026-01-10T12:00:00Z");
const MINUTE = 60_000;
const fakes = setUpFakes();
let resend: Awaited<ReturnType<typeof startResendFake>>;
let twilio: Awaited<ReturnType<typeof startTwilioFake>>;
const people: Record<"ada" | "ben", { id: string; video: string; inPerson: string; cancelled: string }> = {} as never;

async function appointmentsOf(patientId: string) {
  const rows = await db()
    .select()
    .from(appointments)
    .where(eq(appointments.patientId, patientId))
    .orderBy(appointments.startsAt);
  const find = (predicate: (a: (typeof rows)[number]) => boolean) => rows.find(predicate)!.id;
  return {
    video: find((a) => a.modality === "telehealth" && a.status === "scheduled"),
    inPerson: find((a) => a.modality === "in_person" && a.status === "scheduled"),
    cancelled: find((a) => a.status === "cancelled"),
  };
}

const setProfile = (who: "ada" | "ben", values: Partial<typeof patientProfiles.$inferInsert>) =>
  db().update(patientProfiles).set(values).where(eq(patientProfiles.userId, people[who].id));

beforeAll(async () => {
  await seed(db(), seededAt);
  for (const who of ["ada", "ben"] as const) {
    const [user] = await db().select({ id: users.id }).from(users).where(eq(users.email, seedEmails[who]));
    people[who] = { id: user!.id, ...(await appointmentsOf(user!.id)) };
  }
  ({ resend, twilio } = fakes);
});
beforeEach(async () => {
  resend.reset();
  twilio.requests.length = 0;
  await db().delete(notificationDeliveries);
  await setProfile("ada", {
    emailNotifications: true,
    textMessages: true,
    textChannel: "sms",
    whatsappOptIn: false,
    appointmentReminders: true,
  });
  await setProfile("ben", { emailNotifications: true, textMessages: false, appointmentReminders: true });
});

const emailBody = () =>
  resend.requests.map((r) => r.parsed as { to: string; subject: string; text: string; html: string });
const texts = () =>
  twilio.requests.map((r) => r.parsed as { To: string; From: string; Body: string; StatusCallback?: string });
const at = (minutesAfterSeeding: number) => new Date(seededAt.getTime() + minutesAfterSeeding * MINUTE);

describe("the gate sends what the stored preferences allow", () => {
  it("confirmation email: to the patient, the time in their zone, clinician and portal link, no more", async () => {
    const result = await deliver(db(), {
      appointmentId: people.ben.inPerson,
      kind: "confirmation",
      channel: "email",
      now: seededAt,
    });
    expect(result.outcome).toBe("sent");
    const [email] = emailBody();
    expect(email?.to).toBe("ben@patients.example");
    expect(email?.subject).toBe("Your appointment is booked");
    expect(email?.text).toContain("Dr. Meredith Grey");
    expect(email?.text).toContain("Saturday, 17 January 2026 at 09:00 EST");
    expect(email?.text).toContain("https://portal.clinic.example/appointments");
    expect(email?.html).toContain("Hi Ben");
    expect(resend.requests[0]?.headers["idempotency-key"]).toBe(
      `${people.ben.inPerson}:confirmation:email:2026-01-17T14:00:00.000Z`,
    );
  });

  it("24 h reminder by SMS: Ada's number, London time, opt-out hint", async () => {
    const dayBefore = at(14 * 60); // Ben's video visit starts 27 h after seeding; Ada's in-person in 7 days.
    const result = await deliver(db(), {
      appointmentId: people.ben.video,
      kind: "reminder_24h",
      channel: "email",
      now: dayBefore,
    });
    expect(result.outcome).toBe("sent");
    expect(emailBody()[0]?.subject).toMatch(/^Reminder: your video visit on Sunday, 11 January 2026 at 10:00 EST$/);

    const adaDayBefore = new Date(seededAt.getTime() + 6 * 24 * 60 * MINUTE + 3 * 60 * MINUTE);
    expect(
      (
        await deliver(db(), {
          appointmentId: people.ada.inPerson,
          kind: "reminder_24h",
          channel: "text",
          now: adaDayBefore,
        })
      ).outcome,
    ).toBe("sent");
    expect(texts()).toEqual([
      {
        To: "+447911123456",
        From: "+15005550006",
        Body: expect.stringMatching(
          /^Hi Ada, reminder: your appointment with Dr\. Meredith Grey is on Sat 17 Jan 14:00 GMT\. https:\/\/portal\.clinic\.example\/appointments Reply STOP to opt out\.$/,
        ),
        // Twilio reports delivery there, signed (app/api/twilio/status).
        StatusCallback: "https://portal.clinic.example/api/twilio/status",
      },
    ]);
  });

  it("1 h reminder by email inside its window", async () => {
    const result = await deliver(db(), {
      appointmentId: people.ben.video,
      kind: "reminder_1h",
      channel: "email",
      now: at(27 * 60 - 30),
    });
    expect(result.outcome).toBe("sent");
    expect(emailBody()[0]).toMatchObject({
      to: "ben@patients.example",
      subject: "Reminder: your video visit on Sunday, 11 January 2026 at 10:00 EST",
    });
  });

  it("meeting-link reminder by WhatsApp once opted in, with the visit link", async () => {
    await setProfile("ada", { textChannel: "whatsapp", whatsappOptIn: true });
    const result = await deliver(db(), {
      appointmentId: people.ada.video,
      kind: "reminder_15m",
      channel: "text",
      now: at(0),
    });
    expect(result.outcome).toBe("sent");
    const [message] = texts();
    expect(message?.From).toBe("whatsapp:+14155238886");
    expect(message?.To).toBe("whatsapp:+447911123456");
    expect(message?.Body).toContain(`https://portal.clinic.example/visit/${people.ada.video}`);
    expect(message?.Body).not.toContain("STOP");
    const [row] = await db().select().from(notificationDeliveries);
    expect(row).toMatchObject({
      channel: "whatsapp",
      status: "sent",
      kind: "reminder_15m",
      providerMessageId: expect.stringMatching(/^SM/),
    });
  });

  it("cancellation and rescheduled emails state the appointment and its (new) time", async () => {
    expect(
      (
        await deliver(db(), {
          appointmentId: people.ben.cancelled,
          kind: "cancellation",
          channel: "email",
          now: seededAt,
        })
      ).outcome,
    ).toBe("sent");
    expect(emailBody()[0]?.subject).toBe("Your appointment is cancelled");
    const moved = new Date("2026-01-20T15:30:00Z");
    await db().update(appointments).set({ startsAt: moved }).where(eq(appointments.id, people.ben.inPerson));
    const [change] = await db()
      .insert(appointmentReschedules)
      .values({
        appointmentId: people.ben.inPerson,
        previousStartsAt: new Date("2026-01-17T14:00:00Z"),
        newStartsAt: moved,
      })
      .returning({ id: appointmentReschedules.id });
    const rescheduled = {
      appointmentId: people.ben.inPerson,
      kind: "rescheduled",
      channel: "email",
      rescheduleId: change!.id,
      now: seededAt,
    } as const;
    expect((await deliver(db(), rescheduled)).outcome).toBe("sent");
    expect(emailBody()[1]?.text).toContain("is now on Tuesday, 20 January 2026 at 10:30 EST");
    await db()
      .update(appointments)
      .set({ startsAt: new Date("2026-01-17T14:00:00Z") })
      .where(eq(appointments.id, people.ben.inPerson));
  });
});

describe("the gate skips, with the reason recorded, what the preferences do not allow", () => {
  const cases = [
    ["email off", "ben", { emailNotifications: false }, "confirmation", "email", "email_disabled"],
    ["texts off", "ben", { textMessages: false }, "confirmation", "text", "texts_disabled"],
    ["reminders off", "ada", { appointmentReminders: false }, "reminder_15m", "email", "reminders_disabled"],
    ["reminders off, by text", "ada", { appointmentReminders: false }, "reminder_15m", "text", "reminders_disabled"],
    [
      "WhatsApp without its opt-in",
      "ada",
      { textChannel: "whatsapp" as const, whatsappOptIn: false },
      "reminder_15m",
      "text",
      "whatsapp_not_opted_in",
    ],
    ["no phone", "ada", { phoneE164: null }, "confirmation", "text", "no_phone"],
  ] as const;
  for (const [name, who, profile, kind, channel, reason] of cases) {
    it(`${name}: ${kind} by ${channel} is skipped as ${reason}, and nothing reaches a provider`, async () => {
      await setProfile(who, profile);
      const result = await deliver(db(), { appointmentId: people[who].video, kind, channel, now: at(0) });
      expect(result).toMatchObject({ outcome: "skipped", reason });
      const [row] = await db().select().from(notificationDeliveries);
      expect(row).toMatchObject({ status: "skipped", reason, kind });
      expect(resend.requests.length + twilio.requests.length).toBe(0);
      await setProfile("ada", { phoneE164: "+447911123456" });
    });
  }

  it("reminders off still lets a confirmation through", async () => {
    await setProfile("ben", { appointmentReminders: false });
    expect(
      (await deliver(db(), { appointmentId: people.ben.video, kind: "confirmation", channel: "email", now: seededAt }))
        .outcome,
    ).toBe("sent");
  });

  it("a cancelled appointment gets no reminder; a passed window is recorded, a future one waits", async () => {
    const cancelledReminder = await deliver(db(), {
      appointmentId: people.ben.cancelled,
      kind: "reminder_24h",
      channel: "email",
      now: at(3 * 24 * 60 - 120),
    });
    expect(cancelledReminder).toMatchObject({ outcome: "skipped", reason: "appointment_cancelled" });
    const late = await deliver(db(), {
      appointmentId: people.ada.video,
      kind: "reminder_1h",
      channel: "email",
      now: at(0),
    });
    expect(late).toMatchObject({ outcome: "skipped", reason: "window_passed" });
    expect(
      await deliver(db(), { appointmentId: people.ben.video, kind: "reminder_1h", channel: "email", now: at(0) }),
    ).toEqual({ outcome: "not_due" });
    expect(
      await db()
        .select()
        .from(notificationDeliveries)
        .where(eq(notificationDeliveries.appointmentId, people.ben.video)),
    ).toEqual([]);
  });
});

describe("nothing is sent twice", () => {
  it("the same request three times sends once", async () => {
    const request = { appointmentId: people.ada.video, kind: "reminder_15m", channel: "text", now: at(0) } as const;
    const outcomes = [await deliver(db(), request), await deliver(db(), request), await deliver(db(), request)];
    expect(outcomes.map((o) => o.outcome)).toEqual(["sent", "duplicate", "duplicate"]);
    expect(twilio.requests).toHaveLength(1);
  });

  it("a provider 500 then 200 sends once; the retry re-claims the same row", async () => {
    twilio.queueReply({ status: 500, body: { code: 20500, message: "Internal error", status: 500 } });
    const request = { appointmentId: people.ada.video, kind: "reminder_15m", channel: "text", now: at(0) } as const;
    await expect(deliver(db(), request)).rejects.toBeInstanceOf(TransientDeliveryError);
    expect(await deliver(db(), request)).toMatchObject({ outcome: "sent" });
    expect(await deliver(db(), request)).toMatchObject({ outcome: "duplicate", status: "sent" });
    const rows = await db().select().from(notificationDeliveries);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "sent", attempts: 2 });
    expect(twilio.requests).toHaveLength(2);
  });

  it("an email retried after a provider 500 carries the same payload and key, so Resend's idempotency holds", async () => {
    resend.queueReply({
      status: 500,
      body: { name: "internal_server_error", message: "Unavailable", statusCode: 500 },
    });
    const request = {
      appointmentId: people.ben.inPerson,
      kind: "confirmation",
      channel: "email",
      now: seededAt,
    } as const;
    await expect(deliver(db(), request)).rejects.toBeInstanceOf(TransientDeliveryError);
    // Over a second later, when a token minted from the clock would already differ.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await deliver(db(), request)).toMatchObject({ outcome: "sent" });
    const [first, retry] = resend.requests;
    expect(retry?.headers["idempotency-key"]).toBe(first?.headers["idempotency-key"]);
    expect(retry?.body).toBe(first?.body);
  });

  describe("a claim whose attempt died before recording an outcome", () => {
    const request = () =>
      ({ appointmentId: people.ben.inPerson, kind: "confirmation", channel: "email", now: seededAt }) as const;
    // The attempt reached Resend, then died before writing `sent`: the row is left pending.
    async function sentThenLeftPending(claimedAgoMs: number) {
      const first = await deliver(db(), request());
      expect(first.outcome).toBe("sent");
      await db()
        .update(notificationDeliveries)
        .set({ status: "pending", providerMessageId: null, updatedAt: new Date(Date.now() - claimedAgoMs) })
        .where(eq(notificationDeliveries.appointmentId, people.ben.inPerson));
      return first as Extract<typeof first, { outcome: "sent" }>;
    }

    it("within its lease, a retry waits for it until the lease ends and sends nothing", async () => {
      await sentThenLeftPending(MINUTE);
      const retry = deliver(db(), request());
      await expect(retry).rejects.toBeInstanceOf(DeliveryInFlightError);
      const error = (await retry.catch((e: unknown) => e)) as DeliveryInFlightError;
      expect(error.retryAt.getTime() - Date.now()).toBeGreaterThan(CLAIM_LEASE_MS - 2 * MINUTE);
      expect(error.retryAt.getTime() - Date.now()).toBeLessThanOrEqual(CLAIM_LEASE_MS - MINUTE + 2000);
      expect(resend.requests).toHaveLength(1);
    });

    it("past its lease, a retry takes it back and Resend sends the email once", async () => {
      const first = await sentThenLeftPending(CLAIM_LEASE_MS + MINUTE);
      const retry = await deliver(db(), request());
      // The same key and payload: Resend answers with the original email's id instead of sending another.
      expect(retry).toMatchObject({ outcome: "sent", providerMessageId: first.providerMessageId });
      expect(resend.requests).toHaveLength(2);
      expect(resend.requests[1]?.body).toBe(resend.requests[0]?.body);
      const rows = await db()
        .select()
        .from(notificationDeliveries)
        .where(eq(notificationDeliveries.appointmentId, people.ben.inPerson));
      expect(rows).toEqual([
        expect.objectContaining({ status: "sent", attempts: 2, providerMessageId: first.providerMessageId }),
      ]);
    });

    it("an attempt that outlives its lease does not overwrite the outcome of the retry that took its row", async () => {
      const slow = await startResendFake({ delayMs: 1500 });
      vi.stubEnv("RESEND_BASE_URL", slow.url);
      try {
        const late = deliver(db(), request());
        // The first attempt has claimed the row and waits on the provider …
        await expect.poll(() => slow.requests.length).toBe(1);
        // … past its lease: a retry takes the row back and sends through the normal service.
        await db()
          .update(notificationDeliveries)
          .set({ updatedAt: new Date(Date.now() - CLAIM_LEASE_MS - MINUTE) })
          .where(eq(notificationDeliveries.appointmentId, people.ben.inPerson));
        vi.stubEnv("RESEND_BASE_URL", resend.url);
        const retry = await deliver(db(), request());
        expect(retry).toMatchObject({ outcome: "sent" });
        await late;
        const rows = await db()
          .select()
          .from(notificationDeliveries)
          .where(eq(notificationDeliveries.appointmentId, people.ben.inPerson));
        expect(rows).toEqual([
          expect.objectContaining({
            status: "sent",
            attempts: 2,
            providerMessageId: (retry as { providerMessageId: string }).providerMessageId,
          }),
        ]);
      } finally {
        vi.stubEnv("RESEND_BASE_URL", resend.url);
        await slow.close();
      }
    });

    it("past its lease, a retry whose email now reads differently is recorded as sent, not retried", async () => {
      await sentThenLeftPending(CLAIM_LEASE_MS + MINUTE);
      // Ben changed his first name in between, so the retry's payload differs and Resend refuses the reused key:
      // the email under it went out with the first attempt.
      await setProfile("ben", { firstName: "Benjamin" });
      try {
        expect(await deliver(db(), request())).toMatchObject({ outcome: "sent", providerMessageId: null });
      } finally {
        await setProfile("ben", { firstName: "Ben" });
      }
      expect(resend.requests).toHaveLength(2);
      const rows = await db()
        .select()
        .from(notificationDeliveries)
        .where(eq(notificationDeliveries.appointmentId, people.ben.inPerson));
      expect(rows).toEqual([expect.objectContaining({ status: "sent", attempts: 2, providerMessageId: null })]);
    });

    it("past its lease, a retry that must now skip records the skip instead of leaving it pending", async () => {
      await sentThenLeftPending(CLAIM_LEASE_MS + MINUTE);
      await setProfile("ben", { emailNotifications: false });
      expect(await deliver(db(), request())).toMatchObject({ outcome: "skipped", reason: "email_disabled" });
      const rows = await db()
        .select()
        .from(notificationDeliveries)
        .where(eq(notificationDeliveries.appointmentId, people.ben.inPerson));
      expect(rows).toEqual([expect.objectContaining({ status: "skipped", reason: "email_disabled" })]);
    });
  });

  it("a retry after a transient failure re-reads the preferences: texts turned off in between is recorded as the skip", async () => {
    twilio.queueReply({ status: 503, body: { code: 20503, message: "Unavailable", status: 503 } });
    const request = { appointmentId: people.ada.video, kind: "reminder_15m", channel: "text", now: at(0) } as const;
    await expect(deliver(db(), request)).rejects.toBeInstanceOf(TransientDeliveryError);
    await setProfile("ada", { textMessages: false });
    expect(await deliver(db(), request)).toMatchObject({ outcome: "skipped", reason: "texts_disabled" });
    expect(
      await db()
        .select({ status: notificationDeliveries.status, reason: notificationDeliveries.reason })
        .from(notificationDeliveries),
    ).toEqual([{ status: "skipped", reason: "texts_disabled" }]);
    expect(twilio.requests).toHaveLength(1);
  });

  it("a permanent error (invalid number) is recorded as failed and not retried", async () => {
    twilio.queueReply({ status: 400, body: { code: 21211, message: "Invalid 'To' Phone Number", status: 400 } });
    const request = { appointmentId: people.ada.video, kind: "reminder_15m", channel: "text", now: at(0) } as const;
    expect(await deliver(db(), request)).toMatchObject({ outcome: "failed", errorCode: "21211" });
    expect(await deliver(db(), request)).toMatchObject({ outcome: "duplicate", status: "failed" });
    expect(twilio.requests).toHaveLength(1);
  });

  it("Twilio refusing the send with 21610 (the number replied STOP) turns texts off with one ledger row; the next text is skipped", async () => {
    twilio.queueReply({
      status: 400,
      body: { code: 21610, message: "Attempt to send to unsubscribed recipient", status: 400 },
    });
    const request = { appointmentId: people.ada.video, kind: "reminder_15m", channel: "text", now: at(0) } as const;
    expect(await deliver(db(), request)).toMatchObject({ outcome: "failed", errorCode: "21610" });
    const ledger = await db()
      .select({
        actorKind: preferenceLedger.actorKind,
        field: preferenceLedger.field,
        newValue: preferenceLedger.newValue,
      })
      .from(preferenceLedger)
      .where(and(eq(preferenceLedger.patientId, people.ada.id), eq(preferenceLedger.actorKind, "twilio_unsubscribed")));
    expect(ledger).toEqual([{ actorKind: "twilio_unsubscribed", field: "textMessages", newValue: "false" }]);
    const next = { appointmentId: people.ada.inPerson, kind: "confirmation", channel: "text", now: at(0) } as const;
    expect(await deliver(db(), next)).toMatchObject({ outcome: "skipped", reason: "texts_disabled" });
    expect(twilio.requests).toHaveLength(1);
  });

  it("a rescheduled appointment gets a fresh reminder for its new time", async () => {
    const request = { appointmentId: people.ada.video, kind: "reminder_15m", channel: "email", now: at(0) } as const;
    expect((await deliver(db(), request)).outcome).toBe("sent");
    await db()
      .update(appointments)
      .set({ startsAt: at(70), createdAt: at(-60 * 48) })
      .where(eq(appointments.id, people.ada.video));
    expect((await deliver(db(), { ...request, now: at(60) })).outcome).toBe("sent");
    const rows = await db()
      .select()
      .from(notificationDeliveries)
      .where(and(eq(notificationDeliveries.appointmentId, people.ada.video)));
    expect(rows.map((r) => r.appointmentStartsAt?.toISOString()).sort()).toEqual([
      at(10).toISOString(),
      at(70).toISOString(),
    ]);
    await db()
      .update(appointments)
      .set({ startsAt: at(10) })
      .where(eq(appointments.id, people.ada.video));
  });
});

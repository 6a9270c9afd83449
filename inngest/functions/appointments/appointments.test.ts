import { InngestTestEngine } from "@inngest/test";
import { desc, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { actAs, form } from "@/db/testing/request";
import { eventOutbox, notificationDeliveries } from "@/db/schema";
import { seed } from "@/db/seed";
import { bookAppointmentAction } from "@/app/schedule/actions/book-appointment";
import { rescheduleAppointment } from "@/lib/appointments/lifecycle";
import { relayOutboxNow } from "../../relay";
import { receivedEvents } from "@/testing/fakes/inngest-fake";
import { createAppointment, createClinician, createPatient, resetFakes, setUpFakes } from "@/testing/fixtures";
import { weekdayAhead } from "@/testing/dates";
import { sendAppointmentMessage } from "./send-message";

const fakes = setUpFakes();
beforeAll(() => seed(db()));
beforeEach(() => resetFakes(fakes));

const run = async (event: { id?: string; name: string; data: Record<string, unknown> }) =>
  (await new InngestTestEngine({ function: sendAppointmentMessage, events: [event as never] }).execute()).result;
const emails = () => fakes.resend.requests.map((r) => r.parsed as { to: string; subject: string; text: string });

describe("appointment messages", () => {
  it("a booking made while the event API is down is published once it is back, then confirmed once", async () => {
    const patient = await createPatient(db());
    const clinician = await createClinician(db());
    await createAppointment(db(), {
      patientId: patient.id,
      clinicianId: clinician.id,
      startsAt: new Date(Date.now() - 30 * 86_400_000),
      status: "completed",
    });
    await actAs(db(), clinician.email);
    fakes.inngest.setOutage({ status: 503, body: { error: "unavailable" } });
    const day = weekdayAhead(5);
    const booked = await bookAppointmentAction(
      {},
      form({ patientId: patient.id, startsAt: `${day}T10:00`, durationMinutes: "30", modality: "in_person" }),
    );
    expect(booked.ok).toBe(true);
    expect(await relayOutboxNow()).toMatchObject({ published: 0, failed: 1 });

    fakes.inngest.setOutage(null);
    fakes.inngest.requests.length = 0;
    await db()
      .update(eventOutbox)
      .set({ nextAttemptAt: new Date(Date.now() - 1000) });
    expect(await relayOutboxNow()).toMatchObject({ published: 1 });
    // A second relay (the cron racing the after-response one) finds nothing left to publish.
    expect(await relayOutboxNow()).toMatchObject({ published: 0, failed: 0 });
    const [event] = receivedEvents(fakes.inngest.requests);
    expect(event).toMatchObject({ name: "portal/appointment.booked" });
    expect(await run(event!)).toEqual({ kind: "confirmation", email: "sent", text: "skipped:texts_disabled" });
    expect(await run(event!)).toEqual({ kind: "confirmation", email: "duplicate", text: "duplicate" });
    expect(emails().map((email) => [email.to, email.subject])).toEqual([[patient.email, "Your appointment is booked"]]);
  });

  it("a confirmation still unsent when the visit moves is superseded: the patient is told the new time once", async () => {
    const patient = await createPatient(db());
    const clinician = await createClinician(db());
    // An earlier visit makes her this clinician's patient, whom they may book.
    await createAppointment(db(), {
      patientId: patient.id,
      clinicianId: clinician.id,
      startsAt: new Date(Date.now() - 30 * 86_400_000),
      status: "completed",
    });
    await actAs(db(), clinician.email);
    const day = weekdayAhead(6);
    const booked = await bookAppointmentAction(
      {},
      form({ patientId: patient.id, startsAt: `${day}T10:00`, durationMinutes: "30", modality: "in_person" }),
    );
    expect(booked.ok).toBe(true);
    const [bookedRow] = await db().select().from(eventOutbox).orderBy(desc(eventOutbox.createdAt)).limit(1);
    const appointmentId = (bookedRow!.data as { appointmentId: string }).appointmentId;
    const actor = { id: clinician.id, email: clinician.email, name: null, role: "clinician" as const };
    expect((await rescheduleAppointment(db(), actor, appointmentId, `${day}T14:00`)).ok).toBe(true);
    const [movedRow] = await db().select().from(eventOutbox).orderBy(desc(eventOutbox.createdAt)).limit(1);

    // The booking's message runs late (a backlog, or a text that slept through quiet hours): the visit has moved.
    const late = { id: bookedRow!.id, name: bookedRow!.name, data: bookedRow!.data };
    expect(await run(late)).toEqual({ kind: "confirmation", email: "skipped:superseded", text: "skipped:superseded" });
    expect(await run({ id: movedRow!.id, name: movedRow!.name, data: movedRow!.data })).toMatchObject({
      kind: "rescheduled",
      email: "sent",
    });
    expect(emails()).toHaveLength(1);
    expect(emails()[0]!.subject).toMatch(/has a new time/);
    expect(emails()[0]!.text).toContain("at 14:00");
  });

  describe("A→B→A→B reschedules", () => {
    const A = "2027-03-01T10:00";
    const B = "2027-03-02T15:00";

    /** Four reschedules; `between` runs after each one (the message handled as it arrives), else they pile up. */
    async function fourReschedules(
      between?: (event: { id: string; name: string; data: Record<string, unknown> }) => Promise<unknown>,
    ) {
      const patient = await createPatient(db());
      const clinician = await createClinician(db());
      const appointmentId = await createAppointment(db(), {
        patientId: patient.id,
        clinicianId: clinician.id,
        startsAt: new Date("2027-02-20T10:00:00Z"),
      });
      const actor = { id: clinician.id, email: clinician.email, name: null, role: "clinician" as const };
      const events = [];
      for (const time of [A, B, A, B]) {
        expect((await rescheduleAppointment(db(), actor, appointmentId, time)).ok).toBe(true);
        const [row] = await db().select().from(eventOutbox).orderBy(desc(eventOutbox.createdAt)).limit(1);
        const event = { id: row!.id, name: row!.name, data: row!.data };
        events.push(event);
        await between?.(event);
      }
      return { appointmentId, events };
    }

    it("each change is its own message: handled as they come, the patient's last email says B", async () => {
      const outcomes: unknown[] = [];
      await fourReschedules(async (event) => outcomes.push(await run(event)));
      expect(outcomes.map((outcome) => (outcome as { email: string }).email)).toEqual(["sent", "sent", "sent", "sent"]);
      const last = emails().at(-1)!;
      expect(last.subject).toMatch(/has a new time/);
      expect(last.text).toContain("Tuesday, 2 March 2027 at 15:00");
      expect(emails()[2]!.text).toContain("Monday, 1 March 2027 at 10:00");
    });

    it("a backlog tells the patient once, the latest time; the replaced changes are recorded as superseded", async () => {
      const { events, appointmentId } = await fourReschedules();
      const outcomes = [];
      for (const event of events) outcomes.push(await run(event));
      expect(outcomes.map((outcome) => (outcome as { email: string }).email)).toEqual([
        "skipped:superseded",
        "skipped:superseded",
        "skipped:superseded",
        "sent",
      ]);
      expect(emails()).toHaveLength(1);
      expect(emails()[0]!.text).toContain("Tuesday, 2 March 2027 at 15:00");
      const records = await db()
        .select()
        .from(notificationDeliveries)
        .where(eq(notificationDeliveries.appointmentId, appointmentId));
      expect(records.filter((record) => record.kind === "rescheduled")).toHaveLength(8);
    });
  });
});

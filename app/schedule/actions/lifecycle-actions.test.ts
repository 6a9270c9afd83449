import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { actAs, form, runAfterResponse } from "@/db/testing/request";
import { appointmentReschedules, appointments, eventOutbox, users } from "@/db/schema";
import { seed, seedEmails } from "@/db/seed";
import { receivedEvents } from "@/testing/fakes/inngest-fake";
import { listAppointmentChanges } from "@/lib/appointments/admin-queries";
import { parseListParams } from "@/lib/admin/list";
import { asStaff } from "@/testing/access";
import { resetFakes, setUpFakes } from "@/testing/fixtures";
import { bookAppointmentAction } from "./book-appointment";
import { cancelAppointmentAction } from "./cancel-appointment";
import { rescheduleAppointmentAction } from "./reschedule-appointment";
import { weekdayAhead } from "@/testing/dates";

const fakes = setUpFakes();
const ids = { ben: "", grey: "", shepherd: "", bensGreyVisit: "", bensShepherdVisit: "" };

beforeAll(async () => {
  await seed(db());
  for (const who of ["ben", "grey", "shepherd"] as const) {
    ids[who] = (await db().select({ id: users.id }).from(users).where(eq(users.email, seedEmails[who])))[0]!.id;
  }
  const bens = await db()
    .select()
    .from(appointments)
    .where(eq(appointments.patientId, ids.ben))
    .orderBy(appointments.startsAt);
  ids.bensGreyVisit = bens.find((a) => a.clinicianId === ids.grey && a.status === "scheduled")!.id;
  ids.bensShepherdVisit = bens.find((a) => a.clinicianId === ids.shepherd)!.id;
});
beforeEach(() => resetFakes(fakes));

/** What reached Inngest once the responses went out: each successful action schedules the outbox relay with after(). */
async function published() {
  await runAfterResponse();
  return receivedEvents(fakes.inngest.requests);
}

// A weekday clear of the seeded visits (a week ahead), inside Dr. Grey's seeded working hours (Monday to Friday, 08:00–18:00 London).
const nextWeek = weekdayAhead(9);

describe("appointment lifecycle actions", () => {
  it("a clinician books for their own patient in their own zone, and the booking event carries only the id", async () => {
    await actAs(db(), seedEmails.grey);
    const result = await bookAppointmentAction(
      {},
      form({ patientId: ids.ben, startsAt: `${nextWeek}T09:30`, durationMinutes: "30", modality: "telehealth" }),
    );
    expect(result.ok).toBe(true);
    const [event] = await published();
    expect(event?.name).toBe("portal/appointment.booked");
    expect(Object.keys(event!.data)).toEqual(["appointmentId"]);
    const [booked] = await db()
      .select()
      .from(appointments)
      .where(eq(appointments.id, event!.data.appointmentId as string));
    expect(booked).toMatchObject({
      clinicianId: ids.grey,
      patientId: ids.ben,
      modality: "telehealth",
      status: "scheduled",
      bookedBy: ids.grey,
    });
    // Dr. Grey works in Europe/London.
    expect(
      booked!.startsAt.toLocaleString("en-GB", { timeZone: "Europe/London", hour: "2-digit", minute: "2-digit" }),
    ).toBe("09:30");
  });

  it("a clinician cannot book someone who is not their patient, nor in the past", async () => {
    await actAs(db(), seedEmails.shepherd);
    const [ada] = await db().select({ id: users.id }).from(users).where(eq(users.email, seedEmails.ada));
    const stranger = await bookAppointmentAction(
      {},
      form({ patientId: ada!.id, startsAt: `${nextWeek}T09:30`, durationMinutes: "30", modality: "in_person" }),
    );
    expect(stranger.fieldErrors?.patientId).toEqual(["Choose one of your patients."]);
    const past = await bookAppointmentAction(
      {},
      form({ patientId: ids.ben, startsAt: "2020-01-01T09:00", durationMinutes: "30", modality: "in_person" }),
    );
    expect(past.fieldErrors?.startsAt).toEqual(["Choose a time in the future."]);
    expect(await published()).toEqual([]);
  });

  it("rescheduling keeps the history and emits one event per change", async () => {
    await actAs(db(), seedEmails.grey);
    const result = await rescheduleAppointmentAction(
      {},
      form({ appointmentId: ids.bensGreyVisit, startsAt: `${nextWeek}T15:00` }),
    );
    expect(result.ok).toBe(true);
    const [history] = await db()
      .select()
      .from(appointmentReschedules)
      .where(eq(appointmentReschedules.appointmentId, ids.bensGreyVisit));
    expect(history).toMatchObject({ actorId: ids.grey });
    const [moved] = (
      await asStaff(db(), seedEmails.admin, () =>
        listAppointmentChanges(db(), parseListParams({ patient: seedEmails.ben })),
      )
    ).rows.filter((row) => row.id === ids.bensGreyVisit);
    expect(moved!.moves).toEqual([
      expect.objectContaining({ byName: "Dr. Meredith Grey", newStartsAt: history!.newStartsAt }),
    ]);
    // The event committed with the change, in the outbox, and is published under the outbox row's id.
    const [queued] = await db()
      .select()
      .from(eventOutbox)
      .where(eq(eventOutbox.name, "portal/appointment.rescheduled"));
    expect(queued).toMatchObject({
      data: { appointmentId: ids.bensGreyVisit, rescheduleId: history!.id },
      publishedAt: null,
    });
    expect(await published()).toEqual([
      {
        id: queued!.id,
        name: "portal/appointment.rescheduled",
        data: { appointmentId: ids.bensGreyVisit, rescheduleId: history!.id },
        ts: queued!.createdAt.getTime(),
      },
    ]);
  });

  it("another clinician, a patient and a signed-out caller cannot cancel; the appointment's own clinician or an admin can", async () => {
    for (const who of [seedEmails.grey, seedEmails.ben, null]) {
      await actAs(db(), who);
      const refused = await cancelAppointmentAction({}, form({ appointmentId: ids.bensShepherdVisit }));
      expect(refused.ok).toBe(false);
    }
    expect((await db().select().from(appointments).where(eq(appointments.id, ids.bensShepherdVisit)))[0]?.status).toBe(
      "scheduled",
    );
    expect(await published()).toEqual([]);

    await actAs(db(), seedEmails.admin);
    // The reason is a text area: a line break in it is kept, not refused.
    const reason = "Clinician unwell.\nRebook next week.";
    expect((await cancelAppointmentAction({}, form({ appointmentId: ids.bensShepherdVisit, reason }))).ok).toBe(true);
    expect((await db().select().from(appointments).where(eq(appointments.id, ids.bensShepherdVisit)))[0]?.status).toBe(
      "cancelled",
    );
    expect((await published()).map((e) => e.name)).toEqual(["portal/appointment.cancelled"]);
    // Who cancelled it is recorded, and admins see it with the booking and any move.
    const [change] = (
      await asStaff(db(), seedEmails.admin, () =>
        listAppointmentChanges(db(), parseListParams({ patient: seedEmails.ben })),
      )
    ).rows.filter((row) => row.id === ids.bensShepherdVisit);
    expect(change).toMatchObject({ status: "cancelled", cancelledByName: "Clinic Admin", cancellationReason: reason });
    // Cancelling twice is not found, and emits nothing more.
    expect((await cancelAppointmentAction({}, form({ appointmentId: ids.bensShepherdVisit }))).ok).toBe(false);
    expect(await published()).toHaveLength(1);
  });
});

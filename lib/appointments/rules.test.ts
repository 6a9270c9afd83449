import { eq, sql } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db, dbHandle } from "@/db/client";
import { appointments, scheduleAudit, users } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session";
import { slowAppointmentInserts } from "@/testing/faults";
import { createAppointment, createClinician, createPatient } from "@/testing/fixtures";
import { bookAppointment, rescheduleAppointment } from "./lifecycle";
import { clinicianForRules, scheduleViolations } from "./rules";
import type { WeeklyHours } from "./working-hours";

const everyDay = (startMinute: number, endMinute: number): WeeklyHours =>
  Object.fromEntries([0, 1, 2, 3, 4, 5, 6].map((d) => [d, [{ startMinute, endMinute }]]));
const admin: SessionUser = { id: "", email: "admin@clinic.example", name: null, role: "admin" };
let clinician: SessionUser;
let patient: { id: string };

async function setUp(timeZone = "Europe/London", hours?: WeeklyHours) {
  const made = await createClinician(db(), timeZone, hours);
  clinician = { id: made.id, email: made.email, name: null, role: "clinician" };
  patient = await createPatient(db(), { firstName: "Ada", lastName: "Lovelace" });
  // The clinician books their own patients: one earlier visit makes Ada theirs.
  await createAppointment(db(), {
    patientId: patient.id,
    clinicianId: made.id,
    startsAt: new Date("2020-01-01T10:00Z"),
  });
}
const book = (
  local: string,
  durationMinutes = 30,
  actor = clinician,
  override?: { requested: boolean; reason?: string },
) =>
  bookAppointment(db(), actor, {
    patientId: patient.id,
    clinicianId: clinician.id,
    startsAt: local,
    durationMinutes,
    modality: "in_person",
    override,
  });
const startsAtOf = (local: string) => (result: Awaited<ReturnType<typeof book>>) => {
  expect(result, local).toMatchObject({ ok: true });
  return result;
};

beforeAll(async () => {
  const [row] = await db()
    .insert(users)
    .values({ email: "rules-admin@clinic.example", name: "Admin", role: "admin" })
    .returning({ id: users.id });
  admin.id = row!.id;
});
beforeEach(() => setUp());

describe("overlaps (Monday 1 March 2027, Europe/London)", () => {
  it("touching visits stand; a one-minute overlap either side is refused and says with whom", async () => {
    startsAtOf("10:00")(await book("2027-03-01T10:00"));
    startsAtOf("10:30")(await book("2027-03-01T10:30"));
    startsAtOf("09:30")(await book("2027-03-01T09:30"));
    const late = await book("2027-03-01T10:59");
    expect(late).toMatchObject({
      ok: false,
      fieldErrors: { startsAt: ["Overlaps another visit, 10:30–11:00."] },
    });
    expect(await book("2027-03-01T09:01")).toMatchObject({
      ok: false,
      fieldErrors: { startsAt: ["Overlaps another visit, 09:30–10:00."] },
    });
  });

  it("a cancelled visit does not block its slot", async () => {
    const first = await book("2027-03-01T11:00");
    await db()
      .update(appointments)
      .set({ status: "cancelled" })
      .where(eq(appointments.id, (first as { appointmentId: string }).appointmentId));
    startsAtOf("11:00 again")(await book("2027-03-01T11:00"));
  });

  it("a reschedule may overlap its own old slot, not another visit, and raises the calendar sequence", async () => {
    const a = (await book("2027-03-01T13:00")) as { appointmentId: string };
    await book("2027-03-01T14:00");
    expect(await rescheduleAppointment(db(), clinician, a.appointmentId, "2027-03-01T13:15")).toMatchObject({
      ok: true,
    });
    const onto = await rescheduleAppointment(db(), clinician, a.appointmentId, "2027-03-01T13:45");
    expect(onto).toMatchObject({
      ok: false,
      fieldErrors: { startsAt: ["Overlaps another visit, 14:00–14:30."] },
    });
    const outside = await rescheduleAppointment(db(), clinician, a.appointmentId, "2027-03-01T18:00");
    expect(outside).toMatchObject({
      ok: false,
      fieldErrors: { startsAt: ["Dr. Test works 08:00–18:00 on Mondays (Europe/London)."] },
    });
    const [row] = await db().select().from(appointments).where(eq(appointments.id, a.appointmentId));
    expect(row).toMatchObject({ sequence: 1, startsAt: new Date("2027-03-01T13:15Z") });
  });
});

describe("working hours, in the clinician's own zone", () => {
  it("a visit ending exactly at closing time stands; one minute later is refused with the hours", async () => {
    startsAtOf("17:30")(await book("2027-03-01T17:30"));
    const late = await book("2027-03-08T17:31");
    expect(late).toMatchObject({
      ok: false,
      message: "Nothing was booked.",
      fieldErrors: { startsAt: ["Dr. Test works 08:00–18:00 on Mondays (Europe/London)."] },
    });
    expect((await book("2027-03-01T07:59")).ok).toBe(false);
    startsAtOf("08:00")(await book("2027-03-01T08:00"));
    expect(await book("2027-03-07T10:00")).toMatchObject({
      fieldErrors: { startsAt: ["Dr. Test does not work on Sundays (Europe/London)."] },
    });
  });

  it("several intervals a day: the lunch break is outside", async () => {
    await setUp("Europe/London", {
      1: [
        { startMinute: 480, endMinute: 720 },
        { startMinute: 780, endMinute: 1080 },
      ],
    });
    expect(await book("2027-03-01T11:45", 30)).toMatchObject({
      fieldErrors: { startsAt: ["Dr. Test works 08:00–12:00 and 13:00–18:00 on Mondays (Europe/London)."] },
    });
    startsAtOf("13:00")(await book("2027-03-01T13:00"));
  });

  it("a time the clocks skip is refused, not moved an hour, on booking and on moving a visit", async () => {
    await setUp("America/New_York", everyDay(0, 24 * 60));
    const skipped = "That time does not exist in America/New_York: the clocks go forward then.";
    expect(await book("2027-03-14T02:30")).toMatchObject({
      ok: false,
      message: "Nothing was booked.",
      fieldErrors: { startsAt: [skipped] },
    });
    const booked = startsAtOf("03:30")(await book("2027-03-14T03:30"));
    const moved = await rescheduleAppointment(
      db(),
      clinician,
      (booked as { appointmentId: string }).appointmentId,
      "2027-03-14T02:15",
    );
    expect(moved).toMatchObject({ ok: false, message: "Nothing was changed.", fieldErrors: { startsAt: [skipped] } });
    // The autumn change repeats 01:00–02:00: such a time exists (its first occurrence) and is booked.
    startsAtOf("01:30")(await book("2027-11-07T01:30"));
  });

  it("Europe/London across the spring change (Sunday 28 March 2027): opening and closing follow the wall clock", async () => {
    await setUp("Europe/London", everyDay(8 * 60, 18 * 60));
    const rules = (await clinicianForRules(db(), clinician.id))!;
    const at = (iso: string) => scheduleViolations(db(), rules, { startsAt: new Date(iso), durationMinutes: 30 });
    // 07:30 UTC is 07:30 GMT on Saturday (closed) and 08:30 BST on Sunday (open).
    expect((await at("2027-03-27T07:30:00Z")).map((v) => v.rule)).toEqual(["working_hours"]);
    expect(await at("2027-03-28T07:30:00Z")).toEqual([]);
    // Closing: 17:30 BST is 16:30 UTC; 17:31 BST ends past 18:00.
    expect(await at("2027-03-28T16:30:00Z")).toEqual([]);
    expect((await at("2027-03-28T16:31:00Z")).map((v) => v.rule)).toEqual(["working_hours"]);
    // Booked by local time on the change day, stored as the right instant.
    const booked = await book("2027-03-28T17:30");
    const [row] = await db()
      .select({ startsAt: appointments.startsAt })
      .from(appointments)
      .where(eq(appointments.id, (booked as { appointmentId: string }).appointmentId));
    expect(row!.startsAt).toEqual(new Date("2027-03-28T16:30:00Z"));
    // And back in autumn (31 October 2027): 17:30 GMT (17:30 UTC) ends at closing, 17:31 does not.
    expect(await at("2027-10-31T17:30:00Z")).toEqual([]);
    expect((await at("2027-10-31T17:31:00Z")).map((v) => v.rule)).toEqual(["working_hours"]);
  });

  it("America/New_York across the autumn change (Sunday 7 November 2027)", async () => {
    await setUp("America/New_York", everyDay(8 * 60, 18 * 60));
    const rules = (await clinicianForRules(db(), clinician.id))!;
    const at = (iso: string) => scheduleViolations(db(), rules, { startsAt: new Date(iso), durationMinutes: 30 });
    // 22:00 UTC is 18:00 EDT on Friday 5 November (closed) and 17:00 EST on Monday 8 November (open).
    expect((await at("2027-11-05T22:00:00Z")).map((v) => v.rule)).toEqual(["working_hours"]);
    expect(await at("2027-11-08T22:00:00Z")).toEqual([]);
    // On the change day itself: 17:30 EST ends at closing, 17:31 is refused, 08:00 EST opens.
    expect(await at("2027-11-07T22:30:00Z")).toEqual([]);
    expect((await at("2027-11-07T22:31:00Z")).map((v) => v.rule)).toEqual(["working_hours"]);
    expect(await at("2027-11-07T13:00:00Z")).toEqual([]);
    expect((await at("2027-11-07T12:59:00Z")).map((v) => v.rule)).toEqual(["working_hours"]);
  });
});

describe("an admin's override", () => {
  it("needs a stated reason, is audited with rule codes and ids, and a clinician cannot use it", async () => {
    const existing = (await book("2027-03-01T10:00")) as { appointmentId: string };
    const before = await db().select().from(appointments).where(eq(appointments.clinicianId, clinician.id));
    const refused = await book("2027-03-01T17:45", 30, clinician, { requested: true, reason: "urgent" });
    expect(refused).toMatchObject({ ok: false, fieldErrors: { startsAt: expect.any(Array) } });
    const noReason = await book("2027-03-01T10:15", 30, admin, { requested: true, reason: "  " });
    expect(noReason).toMatchObject({
      ok: false,
      fieldErrors: { overrideReason: ["Say why this goes against the schedule rules."] },
    });
    const notAsked = await book("2027-03-01T10:15", 30, admin);
    expect(notAsked).toMatchObject({ ok: false, message: expect.stringContaining("An admin may override") });
    expect(await db().select().from(appointments).where(eq(appointments.clinicianId, clinician.id))).toHaveLength(
      before.length,
    );
    expect(await db().select().from(scheduleAudit).where(eq(scheduleAudit.clinicianId, clinician.id))).toEqual([]);

    const overridden = await book("2027-03-07T10:15", 30, admin, { requested: true, reason: "Urgent follow-up" });
    expect(overridden.ok).toBe(true);
    const both = await book("2027-03-01T10:15", 30, admin, { requested: true, reason: "Double-booked on purpose" });
    const [audit] = await db()
      .select()
      .from(scheduleAudit)
      .where(eq(scheduleAudit.appointmentId, (both as { appointmentId: string }).appointmentId));
    expect(audit).toMatchObject({
      actorId: admin.id,
      clinicianId: clinician.id,
      action: "booking.override",
      reason: "Double-booked on purpose",
      detail: { overridden: ["overlap"], overlapsWith: [existing.appointmentId] },
    });
    const rows = await db().select().from(scheduleAudit).where(eq(scheduleAudit.clinicianId, clinician.id));
    expect(rows.map((r) => r.detail.overridden)).toEqual([["working_hours"], ["overlap"]]);
    // Append-only: the stated reason cannot be rewritten.
    await expect(
      db().update(scheduleAudit).set({ reason: "changed" }).where(eq(scheduleAudit.id, audit!.id)),
    ).rejects.toThrow();
  });
});

describe(`two bookings of one slot at once (${dbHandle().driver})`, () => {
  it("exactly one succeeds; the others are told what they overlap", async () => {
    // Each insert lingers in its transaction: without the clinician's lock, every check would pass before any commit.
    const heal = await slowAppointmentInserts(db(), 0.3);
    const results = await Promise.all(Array.from({ length: 4 }, () => book("2027-03-02T09:00"))).finally(heal);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const refused of results.filter((r) => !r.ok))
      expect(refused).toMatchObject({ fieldErrors: { startsAt: ["Overlaps another visit, 09:00–09:30."] } });
    const rows = await db()
      .select()
      .from(appointments)
      .where(sql`${appointments.clinicianId} = ${clinician.id} and ${appointments.startsAt} = '2027-03-02T09:00:00Z'`);
    expect(rows).toHaveLength(1);
  });
});

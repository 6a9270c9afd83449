import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { seed, seedEmails } from "@/db/seed";
import { asStaff } from "@/testing/access";
import {
  getAppointmentForCalendar,
  listPastAppointmentsForPatient,
  listScheduleForClinician,
  listUpcomingAppointmentsForPatient,
} from "./queries";

const seededAt = new Date("2026-06-01T09:00:00Z");
const idOf = async (email: string) =>
  (await db().select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;

describe("appointment lists", () => {
  beforeAll(() => seed(db(), seededAt));

  it("a patient sees only their own appointments that have not ended, in start order", async () => {
    const ben = await idOf(seedEmails.ben);
    const list = await listUpcomingAppointmentsForPatient(db(), ben, seededAt);
    expect(list.map((a) => [a.clinicianName, a.modality, a.status])).toEqual([
      ["Dr. Meredith Grey", "telehealth", "scheduled"],
      ["Dr. Derek Shepherd", "telehealth", "scheduled"],
      ["Dr. Meredith Grey", "in_person", "cancelled"],
      ["Dr. Meredith Grey", "in_person", "scheduled"],
    ]);
  });

  it("a visit in progress is still listed until it ends", async () => {
    const ada = await idOf(seedEmails.ada);
    const duringFirstVisit = new Date(seededAt.getTime() + 35 * 60_000);
    const afterFirstVisit = new Date(seededAt.getTime() + 41 * 60_000);
    expect((await listUpcomingAppointmentsForPatient(db(), ada, duringFirstVisit))[0]?.modality).toBe("telehealth");
    expect((await listUpcomingAppointmentsForPatient(db(), ada, afterFirstVisit))[0]?.modality).toBe("in_person");
  });

  it("a clinician's schedule holds only their own appointments", async () => {
    const shepherd = await idOf(seedEmails.shepherd);
    const schedule = await asStaff(db(), seedEmails.shepherd, () => listScheduleForClinician(db(), shepherd, seededAt));
    expect(schedule.map((a) => `${a.patientFirstName} ${a.patientLastName}`)).toEqual(["Ben Carter"]);
  });

  it("a patient's past appointments are those that ended, cancelled ones included, newest first", async () => {
    const ben = await idOf(seedEmails.ben);
    expect((await listPastAppointmentsForPatient(db(), ben, seededAt)).map((a) => a.status)).toEqual(["completed"]);
    const fourDaysLater = new Date(seededAt.getTime() + 4 * 86_400_000);
    const past = await listPastAppointmentsForPatient(db(), ben, fourDaysLater);
    expect(past.map((a) => [a.modality, a.status])).toEqual([
      ["in_person", "cancelled"],
      ["telehealth", "scheduled"],
      ["telehealth", "scheduled"],
      ["telehealth", "completed"],
    ]);
  });

  it("a calendar entry is found for the patient's own appointment only", async () => {
    const [ada, ben] = [await idOf(seedEmails.ada), await idOf(seedEmails.ben)];
    const [adaVisit] = await listUpcomingAppointmentsForPatient(db(), ada, seededAt);
    expect(await getAppointmentForCalendar(db(), ada, adaVisit!.id)).toMatchObject({
      clinicianName: "Dr. Meredith Grey",
      timeZone: "Europe/London",
      modality: "telehealth",
    });
    expect(await getAppointmentForCalendar(db(), ben, adaVisit!.id)).toBeNull();
  });
});

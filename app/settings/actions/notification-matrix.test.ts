import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { actAs, form } from "@/db/testing/request";
import { patientProfiles, preferenceLedger } from "@/db/schema";
import { comingUp } from "@/lib/notifications/preview";
import { createAppointment, createClinician, createPatient, setUpFakes } from "@/testing/fixtures";
import { updateNotificationMatrixAction, updateTextHoursAction } from "./update-notification-matrix";

setUpFakes();
let patient: { id: string; email: string };
const allOn = {
  appointmentUpdatesEmail: "on",
  appointmentUpdatesText: "on",
  remindersEmail: "on",
  remindersText: "on",
  progressUpdatesEmail: "on",
  progressUpdatesText: "on",
  reminder24h: "on",
  reminder1h: "on",
  reminder15m: "on",
};
beforeAll(async () => {
  patient = await createPatient(db(), { phoneE164: "+447911123456", textMessages: true });
  const clinician = await createClinician(db());
  await createAppointment(db(), {
    patientId: patient.id,
    clinicianId: clinician.id,
    startsAt: new Date(Date.now() + 3 * 86_400_000),
  });
});
const ledger = () =>
  db().select().from(preferenceLedger).where(eq(preferenceLedger.patientId, patient.id)).orderBy(preferenceLedger.id);

describe("the matrix and the patient's hours", () => {
  it("each changed cell is a ledger row by the patient, and Coming up follows at once", async () => {
    await actAs(db(), patient.email);
    expect((await comingUp(db(), patient.id)).filter((item) => item.outcome === "send")).toHaveLength(6);
    const rest = Object.fromEntries(
      Object.entries(allOn).filter(([field]) => field !== "remindersText" && field !== "reminder15m"),
    );
    const result = await updateNotificationMatrixAction({}, form(rest));
    expect(result).toEqual({ ok: true, message: "Your choices per message and channel are saved." });
    expect((await ledger()).map((row) => [row.field, row.oldValue, row.newValue, row.actorKind])).toEqual([
      ["remindersText", "true", "false", "patient"],
      ["reminder15m", "true", "false", "patient"],
    ]);
    const items = await comingUp(db(), patient.id);
    expect(items.filter((item) => item.channel === "sms").map((item) => item.reason)).toEqual([
      "category_disabled",
      "category_disabled",
      "reminder_kind_disabled",
    ]);
    // The same form again writes nothing.
    expect(await updateNotificationMatrixAction({}, form(rest))).toEqual({ ok: true, message: "No changes to save." });
  });

  it("bad input gets field errors and writes nothing; nobody signed in is refused", async () => {
    await actAs(db(), patient.email);
    const before = (await ledger()).length;
    const bad = await updateNotificationMatrixAction({}, form({ ...allOn, reminder1h: "maybe" }));
    expect(bad.fieldErrors?.reminder1h).toEqual(["Must be on or off."]);
    const hours = await updateTextHoursAction({}, form({ textHoursStart: "21:00", textHoursEnd: "09:00" }));
    expect(hours.fieldErrors?.textHoursEnd).toEqual(["The end must be after the start."]);
    const half = await updateTextHoursAction({}, form({ textHoursStart: "09:00", textHoursEnd: "" }));
    expect(half.fieldErrors?.textHoursEnd).toEqual(["Enter both times, or leave both blank."]);
    await actAs(db(), null);
    expect((await updateTextHoursAction({}, form({ textHoursStart: "09:00", textHoursEnd: "17:00" }))).ok).toBe(false);
    expect((await ledger()).length).toBe(before);
  });

  it("the patient's hours are saved with a ledger row each, and cleared back to the clinic's", async () => {
    await actAs(db(), patient.email);
    await updateTextHoursAction({}, form({ textHoursStart: "09:00", textHoursEnd: "17:00" }));
    const [profile] = await db().select().from(patientProfiles).where(eq(patientProfiles.userId, patient.id));
    expect(profile).toMatchObject({ textHoursStart: "09:00", textHoursEnd: "17:00" });
    await updateTextHoursAction({}, form({ textHoursStart: "", textHoursEnd: "" }));
    expect((await ledger()).filter((row) => row.field.startsWith("textHours")).map((row) => row.newValue)).toEqual([
      "09:00",
      "17:00",
      null,
      null,
    ]);
  });
});

import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { actAs, form } from "@/db/testing/request";
import { patientProfiles, preferenceLedger } from "@/db/schema";
import { RECORDING_CONSENT_VERSION } from "@/db/seed";
import { createClinician, createPatient } from "@/testing/fixtures";
import { updateCareContactAction } from "./update-care-contact";
import { updateConsentAction } from "./update-consent";
import { updateMobileNumberAction } from "./update-mobile-number";
import { updateTimeZoneAction } from "./update-time-zone";
import { updateNotificationPreferencesAction } from "./update-notification-preferences";

// A refused save answers with what was typed, so the form shows it again (with or without JavaScript).
let patient: { id: string; email: string };
beforeAll(async () => {
  patient = await createPatient(db(), { timeZone: "America/New_York", phoneE164: "+19175550142" });
});
const profile = async () =>
  (await db().select().from(patientProfiles).where(eq(patientProfiles.userId, patient.id)))[0]!;
const ledgerRows = async () =>
  (await db().select({ n: count() }).from(preferenceLedger).where(eq(preferenceLedger.patientId, patient.id)))[0]!.n;

describe("a refused settings save keeps what was typed", () => {
  it("one missing care-contact name keeps the other two fields, and counts the one problem", async () => {
    await actAs(db(), patient.email);
    const typed = { careContactName: "", careContactRelationship: "Sister", careContactEmail: "alice@family.example" };
    expect(await updateCareContactAction({}, form(typed))).toEqual({
      ok: false,
      message: "Nothing was saved: 1 problem to fix, marked below.",
      fieldErrors: { careContactName: ["Enter your care contact's name."] },
      values: typed,
    });
    expect(await ledgerRows()).toBe(0);
  });

  it("a rejected phone comes back as typed, not as the stored number, and the stored one is unchanged", async () => {
    await actAs(db(), patient.email);
    const refused = await updateMobileNumberAction({}, form({ phone: "555 01" }));
    expect(refused).toMatchObject({ ok: false, values: { phone: "555 01" } });
    expect(refused.fieldErrors?.phone?.[0]).toMatch(/like \(201\) 555-0123/);
    expect((await profile()).phoneE164).toBe("+19175550142");
  });

  it("a signature that does not match keeps the typed name and the tick, and gives nothing", async () => {
    await actAs(db(), patient.email);
    const typed = {
      consent: "recordingConsent",
      decision: "give",
      version: RECORDING_CONSENT_VERSION,
      confirm: "on",
      signedName: "Tess Patience",
    };
    const refused = await updateConsentAction({}, form(typed));
    expect(refused).toMatchObject({ ok: false, values: typed });
    expect(refused.fieldErrors?.signedName?.[0]).toMatch(/Type your full name/);
    expect(refused.message).toBe("Nothing was saved: 1 problem to fix, marked below.");
    expect((await profile()).recordingConsent).toBe(false);
    expect(await ledgerRows()).toBe(0);
  });

  it("a signed-out save (an expired session) still answers with the typed values", async () => {
    await actAs(db(), null);
    const refused = await updateCareContactAction(
      {},
      form({ careContactName: "Alice", careContactEmail: "a@b.example" }),
    );
    expect(refused).toMatchObject({ ok: false, values: { careContactName: "Alice", careContactEmail: "a@b.example" } });
    expect(refused.message).toMatch(/sign in/);
  });

  it("a success carries no values back: the form shows what is stored", async () => {
    await actAs(db(), patient.email);
    expect(await updateNotificationPreferencesAction({}, form({ textChannel: "whatsapp" }))).toEqual({
      ok: true,
      message: "Your notification choices are saved.",
    });
  });
});

describe("the Contact and Time zone sections save only their own field", () => {
  it("the mobile number alone is read in the stored zone's country; the zone alone leaves the number", async () => {
    await actAs(db(), patient.email);
    expect(await updateMobileNumberAction({}, form({ phone: "(212) 555-0100" }))).toEqual({
      ok: true,
      message: "Your mobile number is saved.",
    });
    expect(await profile()).toMatchObject({ phoneE164: "+12125550100", timeZone: "America/New_York" });
    expect(await updateTimeZoneAction({}, form({ timeZone: "Asia/Tokyo" }))).toEqual({
      ok: true,
      message: "Your time zone is saved.",
    });
    expect(await profile()).toMatchObject({ phoneE164: "+12125550100", timeZone: "Asia/Tokyo" });
    const refused = await updateTimeZoneAction({}, form({ timeZone: "Mars/Olympus_Mons" }));
    expect(refused).toMatchObject({ ok: false, values: { timeZone: "Mars/Olympus_Mons" } });
    expect(refused.fieldErrors?.timeZone).toEqual(["Choose a time zone from the list."]);
    expect((await profile()).timeZone).toBe("Asia/Tokyo");
  });

  it("a clinician cannot use them", async () => {
    const clinician = await createClinician(db());
    await actAs(db(), clinician.email);
    expect((await updateTimeZoneAction({}, form({ timeZone: "UTC" }))).message).toMatch(/do not have access/);
    expect((await updateMobileNumberAction({}, form({ phone: "" }))).message).toMatch(/do not have access/);
  });
});

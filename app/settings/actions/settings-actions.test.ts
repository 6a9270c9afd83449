import { count, eq, isNull } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { actAs, form, runAfterResponse } from "@/db/testing/request";
import { eventOutbox, patientProfiles, preferenceLedger, users } from "@/db/schema";
import { RECORDING_CONSENT_VERSION, seed, seedEmails } from "@/db/seed";
import { relayOutboxNow } from "@/inngest/relay";
import { receivedEvents } from "@/testing/fakes/inngest-fake";
import { createPatient, resetFakes, setUpFakes } from "@/testing/fixtures";
import { getPatientSettings } from "@/lib/patients/queries";
import { updateCareContactAction } from "./update-care-contact";
import { updateConsentAction } from "./update-consent";
import { updateContactAction } from "./update-contact";
import { updateNotificationPreferencesAction } from "./update-notification-preferences";

const fakes = setUpFakes();
const ids: Record<"ada" | "ben", string> = { ada: "", ben: "" };

beforeAll(async () => {
  await seed(db());
  for (const who of ["ada", "ben"] as const) {
    const [row] = await db().select({ id: users.id }).from(users).where(eq(users.email, seedEmails[who]));
    ids[who] = row!.id;
  }
});
beforeEach(async () => {
  await actAs(db(), seedEmails.ben);
  resetFakes(fakes);
});

const profileOf = async (who: "ada" | "ben") =>
  (await db().select().from(patientProfiles).where(eq(patientProfiles.userId, ids[who])))[0]!;
const ledgerOf = (who: "ada" | "ben") =>
  db().select().from(preferenceLedger).where(eq(preferenceLedger.patientId, ids[who])).orderBy(preferenceLedger.id);
const ledgerCount = async () => (await db().select({ n: count() }).from(preferenceLedger))[0]!.n;

const bensPreferences = { emailNotifications: "on", appointmentReminders: "on", textChannel: "sms" };

describe("updateNotificationPreferencesAction", () => {
  it("stores the change and writes one ledger row per changed field; a repeat writes nothing", async () => {
    const before = await ledgerOf("ben");
    const result = await updateNotificationPreferencesAction({}, form({ textChannel: "sms" }));
    expect(result).toEqual({ ok: true, message: "Your notification choices are saved." });
    expect(await profileOf("ben")).toMatchObject({ emailNotifications: false, appointmentReminders: false });

    const added = (await ledgerOf("ben")).slice(before.length);
    expect(added.map((row) => [row.field, row.oldValue, row.newValue, row.actorKind, row.actorId])).toEqual([
      ["emailNotifications", "true", "false", "patient", ids.ben],
      ["appointmentReminders", "true", "false", "patient", ids.ben],
    ]);
    expect(added[0]?.requestHash).toMatch(/^[0-9a-f]{32}$/);

    const total = await ledgerCount();
    expect(await updateNotificationPreferencesAction({}, form({ textChannel: "sms" }))).toEqual({
      ok: true,
      message: "No changes to save.",
    });
    expect(await ledgerCount()).toBe(total);
    await updateNotificationPreferencesAction({}, form(bensPreferences));
  });

  it("refuses texts without a phone number, and WhatsApp without its own opt-in", async () => {
    const total = await ledgerCount();
    const noPhone = await updateNotificationPreferencesAction({}, form({ ...bensPreferences, textMessages: "on" }));
    expect(noPhone.ok).toBe(false);
    expect(noPhone.fieldErrors?.textMessages?.[0]).toMatch(/Add your mobile number/);

    await actAs(db(), seedEmails.ada);
    const noOptIn = await updateNotificationPreferencesAction(
      {},
      form({ ...bensPreferences, textMessages: "on", textChannel: "whatsapp" }),
    );
    expect(noOptIn.fieldErrors?.whatsappOptIn?.[0]).toMatch(/WhatsApp opt-in/);
    expect(await ledgerCount()).toBe(total);
    expect((await profileOf("ada")).textChannel).toBe("sms");

    const whatsapp = await updateNotificationPreferencesAction(
      {},
      form({ ...bensPreferences, textMessages: "on", textChannel: "whatsapp", whatsappOptIn: "on" }),
    );
    expect(whatsapp.ok).toBe(true);
    expect(await profileOf("ada")).toMatchObject({ textChannel: "whatsapp", whatsappOptIn: true, textMessages: true });
    await updateNotificationPreferencesAction({}, form({ ...bensPreferences, textMessages: "on" }));
  });
});

describe("updateContactAction", () => {
  it("stores a valid mobile in E.164 and the time zone, one ledger row each", async () => {
    const before = (await ledgerOf("ben")).length;
    // Until the patient saves a zone, the settings page suggests the browser's.
    expect((await getPatientSettings(db(), ids.ben))?.timeZoneChosen).toBe(false);
    const result = await updateContactAction({}, form({ phone: "+1 (202) 555-0143", timeZone: "America/Chicago" }));
    expect(result.ok).toBe(true);
    expect(await profileOf("ben")).toMatchObject({ phoneE164: "+12025550143", timeZone: "America/Chicago" });
    const added = (await ledgerOf("ben")).slice(before);
    expect(added.map((row) => [row.field, row.oldValue, row.newValue])).toEqual([
      ["phoneE164", null, "+12025550143"],
      ["timeZone", "America/New_York", "America/Chicago"],
    ]);
    expect((await getPatientSettings(db(), ids.ben))?.timeZoneChosen).toBe(true);
    expect((await getPatientSettings(db(), ids.ada))?.timeZoneChosen).toBe(false);
    // A national number is read in the patient's country (here from the zone).
    expect(
      (await updateContactAction({}, form({ phone: "(202) 555-0143", timeZone: "America/Chicago" }))).message,
    ).toBe("No changes to save.");
    await updateContactAction({}, form({ phone: "", timeZone: "America/New_York" }));
    expect(await profileOf("ben")).toMatchObject({ phoneE164: null, timeZone: "America/New_York" });
  });

  it("reads a national number in the patient's region: New York formats for Ben, UK for a London patient", async () => {
    const newYorker = await createPatient(db(), { timeZone: "America/New_York" });
    await actAs(db(), newYorker.email);
    for (const typed of ["(917) 555-0142", "917 555 0142", "917-555-0142", "+1 917 555 0142"]) {
      const result = await updateContactAction({}, form({ phone: typed, timeZone: "America/New_York" }));
      expect(result.ok, typed).toBe(true);
      expect(
        (await db().select().from(patientProfiles).where(eq(patientProfiles.userId, newYorker.id)))[0],
      ).toMatchObject({ phoneE164: "+19175550142" });
    }
    // The hint and the refusal speak the region's own format.
    const refused = await updateContactAction({}, form({ phone: "555", timeZone: "America/New_York" }));
    expect(refused.fieldErrors?.phone).toEqual([
      "Enter a valid mobile number, like (201) 555-0123, or with its country code if it is from another country.",
    ]);
    const londoner = await createPatient(db(), { timeZone: "Europe/London" });
    await actAs(db(), londoner.email);
    expect((await updateContactAction({}, form({ phone: "07911 123456", timeZone: "Europe/London" }))).ok).toBe(true);
    // A stored country wins over the zone: a patient of a US clinic living abroad.
    const abroad = await createPatient(db(), { timeZone: "Europe/Paris", country: "US" });
    await actAs(db(), abroad.email);
    expect((await updateContactAction({}, form({ phone: "(917) 555-0199", timeZone: "Europe/Paris" }))).ok).toBe(true);
  });

  it("will not remove the number while texts are on", async () => {
    await actAs(db(), seedEmails.ada);
    const result = await updateContactAction({}, form({ phone: "", timeZone: "Europe/London" }));
    expect(result.fieldErrors?.phone?.[0]).toMatch(/Turn text messages off/);
    expect((await profileOf("ada")).phoneE164).toBe("+447911123456");
  });
});

describe("updateConsentAction", () => {
  const recording = { version: RECORDING_CONSENT_VERSION };

  it("gives consent only with the confirmation tick and the current text version", async () => {
    const total = await ledgerCount();
    const unconfirmed = await updateConsentAction(
      {},
      form({ consent: "recordingConsent", decision: "give", version: recording.version }),
    );
    expect(unconfirmed.fieldErrors?.confirm?.[0]).toMatch(/Tick the box/);
    const stale = await updateConsentAction(
      {},
      form({
        consent: "recordingConsent",
        decision: "give",
        version: "recording-2020",
        confirm: "on",
        signedName: "Ben Carter",
      }),
    );
    expect(stale.fieldErrors?.version?.[0]).toMatch(/changed/);
    expect(await ledgerCount()).toBe(total);

    const given = await updateConsentAction(
      {},
      form({
        consent: "recordingConsent",
        decision: "give",
        version: recording.version,
        confirm: "on",
        signedName: "ben carter",
      }),
    );
    expect(given.ok).toBe(true);
    const profile = await profileOf("ben");
    expect(profile).toMatchObject({ recordingConsent: true, recordingConsentVersion: recording.version });
    expect(profile.recordingConsentChangedAt).toBeInstanceOf(Date);
    const [last] = (await ledgerOf("ben")).slice(-1);
    expect(last).toMatchObject({
      field: "recordingConsent",
      oldValue: "false",
      newValue: "true",
      consentVersion: recording.version,
    });
    expect(await db().select().from(eventOutbox)).toEqual([]);
  });

  it("withdrawing recording consent commits its revocation event with the ledger row, ids only", async () => {
    const result = await updateConsentAction(
      {},
      form({ consent: "recordingConsent", decision: "withdraw", version: recording.version }),
    );
    expect(result).toEqual({ ok: true, message: "Your consent is withdrawn." });
    const [last] = (await ledgerOf("ben")).slice(-1);
    const [queued] = await db().select().from(eventOutbox);
    expect(queued).toMatchObject({
      name: "portal/patient.recording-consent-revoked",
      data: { patientId: ids.ben, ledgerEntryId: last!.id },
      publishedAt: null,
    });
    // The action scheduled the relay for after its response.
    await runAfterResponse();
    expect(receivedEvents(fakes.inngest.requests)).toEqual([
      {
        id: queued!.id,
        name: "portal/patient.recording-consent-revoked",
        data: { patientId: ids.ben, ledgerEntryId: last!.id },
        ts: queued!.createdAt.getTime(),
      },
    ]);
    expect(fakes.inngest.requests[0]?.path).toBe("/e/test-key");
  });

  it("keeps the withdrawal and its event when the event API is down, and publishes it once it is back", async () => {
    await actAs(db(), seedEmails.ada);
    fakes.inngest.setOutage({ status: 500, body: { error: "down" } });
    const result = await updateConsentAction(
      {},
      form({ consent: "recordingConsent", decision: "withdraw", version: recording.version }),
    );
    expect(result.ok).toBe(true);
    expect((await profileOf("ada")).recordingConsent).toBe(false);
    const [last] = (await ledgerOf("ada")).slice(-1);
    expect(last).toMatchObject({ field: "recordingConsent", newValue: "false" });
    expect(await relayOutboxNow()).toMatchObject({ published: 0, failed: 1 });
    const [waiting] = await db().select().from(eventOutbox).where(isNull(eventOutbox.publishedAt));
    expect(waiting).toMatchObject({ publishedAt: null, attempts: 1, lastError: expect.stringMatching(/500/) });

    fakes.inngest.setOutage(null);
    fakes.inngest.requests.length = 0;
    // The backoff has run out (the cron's next run, seeded rather than waited for).
    await db()
      .update(eventOutbox)
      .set({ nextAttemptAt: new Date(Date.now() - 1000) })
      .where(eq(eventOutbox.id, waiting!.id));
    expect(await relayOutboxNow()).toMatchObject({ published: 1, failed: 0 });
    expect(receivedEvents(fakes.inngest.requests).filter((event) => event.id === waiting!.id)).toHaveLength(1);
  });
});

describe("two tabs saving at once", () => {
  it("never lose a field: each action writes only the fields it owns", async () => {
    await Promise.all([
      updateNotificationPreferencesAction({}, form({ textChannel: "sms", appointmentReminders: "on" })),
      updateContactAction({}, form({ phone: "", timeZone: "America/Denver" })),
    ]);
    expect(await profileOf("ben")).toMatchObject({
      emailNotifications: false,
      appointmentReminders: true,
      timeZone: "America/Denver",
    });
    await Promise.all([
      updateNotificationPreferencesAction({}, form(bensPreferences)),
      updateContactAction({}, form({ phone: "", timeZone: "America/New_York" })),
    ]);
    expect(await profileOf("ben")).toMatchObject({ emailNotifications: true, timeZone: "America/New_York" });
  });
});

describe("bad input writes nothing", () => {
  const tenKilobytes = "x".repeat(10_240);
  const cases: [
    string,
    (state: object, data: FormData) => Promise<{ ok?: boolean; fieldErrors?: Record<string, string[]> }>,
    Record<string, string | string[]>,
    string,
  ][] = [
    ["an unknown field", updateNotificationPreferencesAction, { ...bensPreferences, isAdmin: "on" }, "form"],
    [
      "another patient's id",
      updateNotificationPreferencesAction,
      { ...bensPreferences, patientId: "someone-else" },
      "form",
    ],
    [
      "a wrong type",
      updateNotificationPreferencesAction,
      { ...bensPreferences, emailNotifications: "banana" },
      "emailNotifications",
    ],
    [
      "a repeated field",
      updateNotificationPreferencesAction,
      { ...bensPreferences, textChannel: ["sms", "whatsapp"] },
      "textChannel",
    ],
    [
      "an unknown channel",
      updateNotificationPreferencesAction,
      { ...bensPreferences, textChannel: "pigeon" },
      "textChannel",
    ],
    ["a 10 kB string", updateContactAction, { phone: tenKilobytes, timeZone: "Europe/London" }, "phone"],
    ["a 10 kB time zone", updateContactAction, { phone: "", timeZone: tenKilobytes }, "timeZone"],
    ["an invalid phone", updateContactAction, { phone: "12345", timeZone: "America/New_York" }, "phone"],
    ["a landline", updateContactAction, { phone: "+44 20 7946 0000", timeZone: "America/New_York" }, "phone"],
    ["an unknown time zone", updateContactAction, { phone: "", timeZone: "Mars/Olympus_Mons" }, "timeZone"],
    [
      "an unknown consent",
      updateConsentAction,
      { consent: "everything", decision: "give", version: "x", confirm: "on" },
      "consent",
    ],
  ];

  for (const [name, action, fields, field] of cases) {
    it(`${name}: a field error, and no row changes`, async () => {
      const [profileBefore, ledgerBefore] = [await profileOf("ben"), await ledgerCount()];
      const result = await action({}, form(fields));
      expect(result.ok).toBe(false);
      expect(result.fieldErrors?.[field]?.length).toBeGreaterThan(0);
      expect(await profileOf("ben")).toEqual(profileBefore);
      expect(await ledgerCount()).toBe(ledgerBefore);
    });
  }
});

describe("updateCareContactAction", () => {
  it("stores the contact with one ledger row per field, and removes it the same way", async () => {
    const before = (await ledgerOf("ben")).length;
    const saved = await updateCareContactAction(
      {},
      form({
        careContactName: " Alice Carter ",
        careContactRelationship: "Sister",
        careContactEmail: "Alice@Family.example",
      }),
    );
    expect(saved).toEqual({ ok: true, message: "Your care contact is saved." });
    expect(await profileOf("ben")).toMatchObject({
      careContactName: "Alice Carter",
      careContactRelationship: "Sister",
      careContactEmail: "alice@family.example",
    });
    const added = (await ledgerOf("ben")).slice(before);
    expect(added.map((row) => [row.field, row.oldValue, row.newValue, row.actorKind])).toEqual([
      ["careContactName", null, "Alice Carter", "patient"],
      ["careContactRelationship", null, "Sister", "patient"],
      ["careContactEmail", null, "alice@family.example", "patient"],
    ]);

    const removed = await updateCareContactAction(
      {},
      form({ careContactName: "", careContactRelationship: "", careContactEmail: "" }),
    );
    expect(removed).toEqual({ ok: true, message: "Your care contact is removed." });
    expect(await profileOf("ben")).toMatchObject({
      careContactName: null,
      careContactRelationship: null,
      careContactEmail: null,
    });
    expect((await ledgerOf("ben")).slice(before + 3).map((row) => row.newValue)).toEqual([null, null, null]);
  });

  it("refuses a contact without a valid email or name, writing nothing", async () => {
    const total = await ledgerCount();
    const noEmail = await updateCareContactAction(
      {},
      form({ careContactName: "Alice", careContactRelationship: "", careContactEmail: "alice@" }),
    );
    expect(noEmail.fieldErrors?.careContactEmail).toEqual(["Enter a valid email address, like name@example.com."]);
    const noName = await updateCareContactAction(
      {},
      form({ careContactName: "", careContactRelationship: "", careContactEmail: "alice@family.example" }),
    );
    expect(noName.fieldErrors?.careContactName).toEqual(["Enter your care contact's name."]);
    expect(await ledgerCount()).toBe(total);
    expect((await profileOf("ben")).careContactEmail).toBeNull();
  });
});

describe("authorization", () => {
  for (const who of [seedEmails.grey, seedEmails.admin, null]) {
    it(`${who ?? "a signed-out caller"} cannot change a patient's settings`, async () => {
      await actAs(db(), who);
      const [ledgerBefore, adaBefore, benBefore] = [
        await ledgerCount(),
        await profileOf("ada"),
        await profileOf("ben"),
      ];
      for (const [action, fields] of [
        [updateNotificationPreferencesAction, { textChannel: "sms" }],
        [updateContactAction, { phone: "", timeZone: "UTC" }],
        [updateConsentAction, { consent: "recordingConsent", decision: "withdraw", version: "x" }],
        [updateCareContactAction, { careContactName: "", careContactRelationship: "", careContactEmail: "" }],
      ] as const) {
        const result = await action({}, form(fields));
        expect(result.ok).toBe(false);
        expect(result.message).toMatch(who ? /do not have access/ : /sign in/);
      }
      expect(await ledgerCount()).toBe(ledgerBefore);
      expect(await profileOf("ada")).toEqual(adaBefore);
      expect(await profileOf("ben")).toEqual(benBefore);
    });
  }

  it("a patient's save changes only their own row, whatever the form names", async () => {
    const adaBefore = await profileOf("ada");
    await updateNotificationPreferencesAction({}, form({ textChannel: "sms", appointmentReminders: "on" }));
    expect(await profileOf("ada")).toEqual(adaBefore);
    expect((await profileOf("ben")).emailNotifications).toBe(false);
    await updateNotificationPreferencesAction({}, form(bensPreferences));
  });
});

describe("updateConsentAction, transcription", () => {
  it("is off by default; giving signs its own text and withdrawing commits its own event, each with a ledger row", async () => {
    expect(await profileOf("ben")).toMatchObject({ transcriptionConsent: false, transcriptionConsentVersion: null });
    const given = await updateConsentAction(
      {},
      form({
        consent: "transcriptionConsent",
        decision: "give",
        version: "transcription-2026-01",
        confirm: "on",
        signedName: "Ben Carter",
      }),
    );
    expect(given).toEqual({ ok: true, message: "Thank you: your consent is recorded." });
    const profile = await profileOf("ben");
    expect(profile).toMatchObject({ transcriptionConsent: true, transcriptionConsentVersion: "transcription-2026-01" });
    expect(profile.transcriptionConsentChangedAt).toBeInstanceOf(Date);
    // Recording is a consent apart: giving transcription changes nothing of it.
    expect(profile.recordingConsent).toBe(false);
    const [signed] = (await ledgerOf("ben")).slice(-1);
    expect(signed).toMatchObject({
      field: "transcriptionConsent",
      oldValue: "false",
      newValue: "true",
      consentVersion: "transcription-2026-01",
      signedName: "Ben Carter",
      consentTextHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect((await getPatientSettings(db(), ids.ben))?.transcriptionConsent).toBe(true);

    const withdrawn = await updateConsentAction(
      {},
      form({ consent: "transcriptionConsent", decision: "withdraw", version: "transcription-2026-01" }),
    );
    expect(withdrawn).toEqual({ ok: true, message: "Your consent is withdrawn." });
    const [last] = (await ledgerOf("ben")).slice(-1);
    expect(last).toMatchObject({ field: "transcriptionConsent", oldValue: "true", newValue: "false" });
    const queued = await db()
      .select()
      .from(eventOutbox)
      .where(eq(eventOutbox.name, "portal/patient.transcription-consent-revoked"));
    expect(queued).toHaveLength(1);
    expect(queued[0]!.data).toEqual({ patientId: ids.ben, ledgerEntryId: last!.id });
    await runAfterResponse();
  });
});

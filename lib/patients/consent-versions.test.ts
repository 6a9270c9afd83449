import "@/db/testing/request";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { updateConsentAction } from "@/app/settings/actions/update-consent";
import { db } from "@/db/client";
import {
  consentTexts,
  notificationDeliveries,
  patientProfiles,
  preferenceLedger,
  progressNotes,
  users,
  videoSessions,
} from "@/db/schema";
import { RECORDING_CONSENT_VERSION, seed, seedEmails } from "@/db/seed";
import { actAs, form } from "@/db/testing/request";
import { prepareProgressMessage } from "@/lib/notifications/subjects/progress";
import { decideRecording } from "@/lib/video/consent";
import { startVideoSession } from "@/lib/video/sessions";
import { createAppointment } from "@/testing/fixtures";
import { ConsentTextConflict, hashConsentText, publishConsentText } from "./consent-publish";
import { consentsToReview, currentConsentText } from "./consent-versions";

const MINUTE = 60_000;
const ids = { ada: "", ben: "", grey: "" };
const idOf = async (email: string) =>
  (await db().select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;
const ledgerOf = (patientId: string) =>
  db().select().from(preferenceLedger).where(eq(preferenceLedger.patientId, patientId)).orderBy(preferenceLedger.id);
const give = (consent: string, version: string, signedName: string) =>
  updateConsentAction({}, form({ consent, decision: "give", version, confirm: "on", signedName }));

beforeAll(async () => {
  await seed(db());
  ids.ada = await idOf(seedEmails.ada);
  ids.ben = await idOf(seedEmails.ben);
  ids.grey = await idOf(seedEmails.grey);
});

describe("consent texts as records", () => {
  it("the migration holds the texts the ledger already names, hashed as the server hashes them", async () => {
    const recording = await currentConsentText(db(), "recordingConsent");
    expect(recording).toMatchObject({ version: RECORDING_CONSENT_VERSION, sequence: 1, priorVersionsLapseAt: null });
    expect(recording.textHash).toBe(hashConsentText(recording.text));
    expect(recording.effectiveAt.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    // Ada's seeded consent is valid: recording is on, nothing to review.
    expect(await decideRecording(db(), ids.ada)).toMatchObject({ recording: true, reason: "consent_given" });
    expect(await consentsToReview(db(), ids.ada)).toEqual([]);
  });

  it("refuses a lapse before the new text takes effect, and a version that exists (texts never change)", async () => {
    const base = { kind: "recordingConsent" as const, title: "T", text: "New words." };
    await expect(
      publishConsentText(db(), {
        ...base,
        version: "r-x",
        effectiveAt: "2026-07-01",
        priorVersionsLapseAt: "2026-06-01",
      }),
    ).rejects.toThrow(/on or after/);
    await expect(
      publishConsentText(db(), { ...base, version: RECORDING_CONSENT_VERSION, effectiveAt: "2026-07-01" }),
    ).rejects.toBeInstanceOf(ConsentTextConflict);
    // Only the three seeded texts (recording, transcription, progress sharing): neither refusal wrote one.
    expect(await db().select().from(consentTexts)).toHaveLength(3);
  });
});

describe("electronic signature", () => {
  it("refuses a blank or wrong name with a field error and writes nothing; stores name, hash, version, request hash", async () => {
    await actAs(db(), seedEmails.ben);
    const before = (await ledgerOf(ids.ben)).length;
    const blank = await give("recordingConsent", RECORDING_CONSENT_VERSION, "");
    expect(blank.fieldErrors?.signedName?.[0]).toMatch(/Type your full name/);
    const wrong = await give("recordingConsent", RECORDING_CONSENT_VERSION, "Ada Lovelace");
    expect(wrong.fieldErrors?.signedName?.[0]).toMatch(/as it is on your record/);
    expect(await ledgerOf(ids.ben)).toHaveLength(before);
    expect(
      (await db().select().from(patientProfiles).where(eq(patientProfiles.userId, ids.ben)))[0]!.recordingConsent,
    ).toBe(false);

    // Case and spacing do not matter.
    const given = await give("recordingConsent", RECORDING_CONSENT_VERSION, "  ben   CARTER ");
    expect(given).toMatchObject({ ok: true });
    const [row] = (await ledgerOf(ids.ben)).slice(-1);
    const text = await currentConsentText(db(), "recordingConsent");
    expect(row).toMatchObject({
      field: "recordingConsent",
      newValue: "true",
      consentVersion: RECORDING_CONSENT_VERSION,
      signedName: "ben   CARTER",
      consentTextHash: text.textHash,
    });
    expect(row!.requestHash).toMatch(/^[0-9a-f]{32}$/);
    expect(row!.createdAt).toBeInstanceOf(Date);
  });
});

describe("a consent text republished with a lapse", () => {
  const newText = "I agree that my video visits may be recorded, and that recordings are kept for seven years.";

  it("keeps the old consent until the lapse date, then recording and sharing are off with consent_version_lapsed", async () => {
    const now = Date.now();
    const published = await publishConsentText(db(), {
      kind: "recordingConsent",
      version: "recording-2026-11",
      title: "Recording of video visits",
      text: newText,
      effectiveAt: new Date(now - 10 * MINUTE),
      priorVersionsLapseAt: new Date(now + 60 * MINUTE),
    });
    expect(published).toMatchObject({ sequence: 2, textHash: hashConsentText(newText) });
    // Before the lapse date Ada's consent still counts, and she is asked to review it.
    expect(await decideRecording(db(), ids.ada)).toMatchObject({ recording: true, reason: "consent_given" });
    expect(await consentsToReview(db(), ids.ada)).toEqual([
      { kind: "recordingConsent", givenVersion: RECORDING_CONSENT_VERSION, lapsed: false },
    ]);
    // After it, a new decision is off, with its reason.
    const later = new Date(now + 61 * MINUTE);
    expect(await decideRecording(db(), ids.ada, later)).toMatchObject({
      recording: false,
      reason: "consent_version_lapsed",
    });
    expect(await consentsToReview(db(), ids.ada, later)).toEqual([
      { kind: "recordingConsent", givenVersion: RECORDING_CONSENT_VERSION, lapsed: true },
    ]);
  });

  it("a video session started after the lapse records nothing and says why", async () => {
    await db()
      .update(consentTexts)
      .set({ priorVersionsLapseAt: new Date(Date.now() - MINUTE) })
      .where(eq(consentTexts.version, "recording-2026-11"));
    const appointmentId = await createAppointment(db(), {
      patientId: ids.ada,
      clinicianId: ids.grey,
      startsAt: new Date(Date.now() + 5 * MINUTE),
    });
    const started = await startVideoSession(db(), ids.grey, appointmentId);
    expect(started).toMatchObject({ ok: true, recording: false, reason: "consent_version_lapsed" });
    const [session] = await db().select().from(videoSessions).where(eq(videoSessions.appointmentId, appointmentId));
    expect(session).toMatchObject({ recording: false, recordingReason: "consent_version_lapsed" });
  });

  it("progress sharing decides the same way: a lapsed sharing consent shares nothing", async () => {
    await publishConsentText(db(), {
      kind: "progressSharingConsent",
      version: "progress-sharing-2026-11",
      title: "Sharing my progress updates",
      text: "New sharing words.",
      effectiveAt: new Date(Date.now() - 2 * MINUTE),
      priorVersionsLapseAt: new Date(Date.now() - MINUTE),
    });
    const appointmentId = await createAppointment(db(), {
      patientId: ids.ada,
      clinicianId: ids.grey,
      startsAt: new Date(Date.now() - 60 * MINUTE),
    });
    const [note] = await db()
      .insert(progressNotes)
      .values({ appointmentId, clinicianId: ids.grey, patientId: ids.ada, privateNote: "p", patientSummary: "s" })
      .returning({ id: progressNotes.id });
    const prepared = await prepareProgressMessage(
      db(),
      { progressNoteId: note!.id, kind: "progress_share", channel: "email" },
      new Date(),
      { appUrl: "http://localhost:3000", lock: false },
    );
    expect(prepared.decision).toMatchObject({ action: "skip", reason: "consent_version_lapsed" });
    expect(await db().select().from(notificationDeliveries)).toEqual([]);
  });

  it("agreeing to the new text restores it: recording on again, the ledger keeps the exact version signed", async () => {
    await actAs(db(), seedEmails.ada);
    const stale = await give("recordingConsent", RECORDING_CONSENT_VERSION, "Ada Lovelace");
    expect(stale.fieldErrors?.version?.[0]).toMatch(/changed/);
    const result = await give("recordingConsent", "recording-2026-11", "ada lovelace");
    expect(result).toMatchObject({ ok: true, message: "Thank you: your consent is recorded." });
    expect(await decideRecording(db(), ids.ada)).toMatchObject({ recording: true, reason: "consent_given" });
    expect((await consentsToReview(db(), ids.ada)).map((review) => review.kind)).toEqual(["progressSharingConsent"]);
    const [row] = (await ledgerOf(ids.ada)).slice(-1);
    expect(row).toMatchObject({
      field: "recordingConsent",
      oldValue: "true",
      newValue: "true",
      consentVersion: "recording-2026-11",
      consentTextHash: hashConsentText(newText),
      signedName: "ada lovelace",
    });
    // Her earlier ledger row still names the text she agreed to then.
    const first = (await ledgerOf(ids.ada)).find((entry) => entry.field === "recordingConsent");
    expect(first).toMatchObject({ consentVersion: RECORDING_CONSENT_VERSION });
  });
});

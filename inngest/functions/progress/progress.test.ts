import "@/db/testing/request";
import { InngestTestEngine } from "@inngest/test";
import { and, count, eq, isNull, sql } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { actAs, form } from "@/db/testing/request";
import { appointments, eventOutbox, notificationDeliveries, progressNotes, users } from "@/db/schema";
import { PROGRESS_SHARING_CONSENT_VERSION, seed, seedEmails } from "@/db/seed";
import { saveProgressNoteAction } from "@/app/schedule/actions/save-progress-note";
import { updateConsentAction } from "@/app/settings/actions/update-consent";
import { receivedEvents, type startInngestFake } from "@/testing/fakes/inngest-fake";
import type { startResendFake } from "@/testing/fakes/resend-fake";
import type { startTwilioFake } from "@/testing/fakes/twilio-fake";
import { createAppointment, createPatient, setUpFakes } from "@/testing/fixtures";
import { listProgressForPatient, listProgressSharing } from "@/lib/progress/queries";
import { parseListParams } from "@/lib/admin/list";
import { asStaff } from "@/testing/access";
import { shareProgressNote } from "./share";
import { relayOutboxNow } from "../../relay";

const fakes = setUpFakes();
let events: Awaited<ReturnType<typeof startInngestFake>>;
let resend: Awaited<ReturnType<typeof startResendFake>>;
let twilio: Awaited<ReturnType<typeof startTwilioFake>>;
const ids = {} as Record<"ada" | "ben" | "grey" | "shepherd", string>;
// Each patient's visit with Dr. Grey two weeks ago: the one notes are written on.
const visits = {} as Record<"ada" | "ben", string>;

beforeAll(async () => {
  await seed(db());
  for (const who of ["ada", "ben", "grey", "shepherd"] as const) {
    ids[who] = (await db().select({ id: users.id }).from(users).where(eq(users.email, seedEmails[who])))[0]!.id;
  }
  for (const who of ["ada", "ben"] as const) {
    const [visit] = await db()
      .select({ id: appointments.id })
      .from(appointments)
      .where(
        and(
          eq(appointments.patientId, ids[who]),
          eq(appointments.clinicianId, ids.grey),
          eq(appointments.status, "completed"),
        ),
      );
    visits[who] = visit!.id;
  }
  ({ inngest: events, resend, twilio } = fakes);
});
beforeEach(async () => {
  events.setOutage(null);
  // Earlier tests' events leave the outbox, so each test sees only its own.
  await relayOutboxNow();
  resend.reset();
  for (const fake of [events, twilio]) fake.requests.length = 0;
  await actAs(db(), seedEmails.grey);
});

const PRIVATE = "Differential includes vestibular migraine; consider MRI if no improvement.";
const SUMMARY = "You are sleeping better. Keep the evening routine and the exercises twice a day.";

async function writeNote(who: "ada" | "ben", extra: Record<string, string> = {}) {
  const result = await saveProgressNoteAction(
    {},
    form({ appointmentId: visits[who], privateNote: PRIVATE, patientSummary: SUMMARY, ...extra }),
  );
  expect(result.ok).toBe(true);
  const [note] = await db()
    .select()
    .from(progressNotes)
    .where(eq(progressNotes.patientId, ids[who]))
    .orderBy(sql`${progressNotes.createdAt} desc`)
    .limit(1);
  return note!;
}

const share = async (progressNoteId: string, eventId = `progress-note-created-${progressNoteId}`) =>
  (
    await new InngestTestEngine({
      function: shareProgressNote,
      events: [{ id: eventId, name: "portal/progress-note.created", data: { progressNoteId } }],
    }).execute()
  ).result as Record<string, string>;

const emails = () =>
  resend.requests.map((r) => r.parsed as { to: string; subject: string; text: string; html: string });
const deliveriesOf = (noteId: string) =>
  db()
    .select({
      kind: notificationDeliveries.kind,
      channel: notificationDeliveries.channel,
      status: notificationDeliveries.status,
      reason: notificationDeliveries.reason,
    })
    .from(notificationDeliveries)
    .where(eq(notificationDeliveries.progressNoteId, noteId))
    .orderBy(notificationDeliveries.kind, notificationDeliveries.channel);

describe("saving a progress note", () => {
  it("commits the note and its portal/progress-note.created event together, ids only", async () => {
    const note = await writeNote("ben");
    expect(note).toMatchObject({
      clinicianId: ids.grey,
      patientId: ids.ben,
      privateNote: PRIVATE,
      patientSummary: SUMMARY,
      sharingStatus: "pending",
    });
    const [queued] = await db()
      .select()
      .from(eventOutbox)
      .where(sql`${eventOutbox.data}->>'progressNoteId' = ${note.id}`);
    expect(queued).toMatchObject({
      name: "portal/progress-note.created",
      data: { progressNoteId: note.id },
      publishedAt: null,
    });
    await relayOutboxNow();
    expect(receivedEvents(events.requests)).toEqual([
      {
        id: queued!.id,
        name: "portal/progress-note.created",
        data: { progressNoteId: note.id },
        ts: queued!.createdAt.getTime(),
      },
    ]);
    expect(JSON.stringify(events.requests.map((r) => r.parsed))).not.toMatch(/sleeping|migraine|Ben/);
  });

  it("refuses another clinician's appointment, a patient and an admin, writing nothing and sending nothing", async () => {
    const before = (await db().select({ n: count() }).from(progressNotes))[0]!.n;
    await actAs(db(), seedEmails.shepherd);
    const other = await saveProgressNoteAction(
      {},
      form({ appointmentId: visits.ada, privateNote: PRIVATE, patientSummary: SUMMARY }),
    );
    expect(other).toEqual({
      ok: false,
      message: "That appointment was not found, or it is not yours to write notes on.",
    });
    for (const who of [seedEmails.ada, seedEmails.admin]) {
      await actAs(db(), who);
      expect(
        (
          await saveProgressNoteAction(
            {},
            form({ appointmentId: visits.ada, privateNote: PRIVATE, patientSummary: SUMMARY }),
          )
        ).ok,
      ).toBe(false);
    }
    await actAs(db(), null);
    expect(
      (
        await saveProgressNoteAction(
          {},
          form({ appointmentId: visits.ada, privateNote: PRIVATE, patientSummary: SUMMARY }),
        )
      ).ok,
    ).toBe(false);
    expect((await db().select({ n: count() }).from(progressNotes))[0]!.n).toBe(before);
    expect(await relayOutboxNow()).toMatchObject({ published: 0 });
  });

  it("refuses a blank summary with a field error", async () => {
    const result = await saveProgressNoteAction(
      {},
      form({ appointmentId: visits.ada, privateNote: PRIVATE, patientSummary: "   " }),
    );
    expect(result.ok).toBe(false);
    expect(result.fieldErrors?.patientSummary).toEqual(["Write the summary for the patient."]);
    expect(await relayOutboxNow()).toMatchObject({ published: 0 });
  });

  it("keeps notes immutable: the database refuses changes and deletes; a correction is a new note, once per note", async () => {
    const original = await writeNote("ada");
    await expect(
      db().update(progressNotes).set({ patientSummary: "edited" }).where(eq(progressNotes.id, original.id)),
    ).rejects.toThrow();
    await expect(db().delete(progressNotes).where(eq(progressNotes.id, original.id))).rejects.toThrow();
    const correction = await writeNote("ada", { correctsNoteId: original.id });
    expect(correction.correctsNoteId).toBe(original.id);
    const again = await saveProgressNoteAction(
      {},
      form({ appointmentId: visits.ada, privateNote: PRIVATE, patientSummary: SUMMARY, correctsNoteId: original.id }),
    );
    expect(again.fieldErrors?.correctsNoteId).toEqual(["That note already has a correction; correct the latest one."]);
    const unrelated = await saveProgressNoteAction(
      {},
      form({ appointmentId: visits.ben, privateNote: PRIVATE, patientSummary: SUMMARY, correctsNoteId: correction.id }),
    );
    expect(unrelated.fieldErrors?.correctsNoteId).toEqual(["Choose a note of this appointment."]);
  });
});

describe("sharing a progress note", () => {
  it("with consent and a care contact: the patient is told (no content), the contact gets the summary (never the private note)", async () => {
    const note = await writeNote("ada");
    expect(await share(note.id)).toEqual({ patientEmail: "sent", patientText: "sent", careContact: "sent" });

    const [toAda, toMary] = [
      emails().find((e) => e.to === seedEmails.ada)!,
      emails().find((e) => e.to === "mary@family.example")!,
    ];
    expect(toAda.subject).toBe("A new progress update is available");
    expect(toAda.text).toContain("https://portal.clinic.example/progress");
    expect(`${toAda.html}${toAda.text}`).not.toContain("sleeping");
    expect(toMary.subject).toBe("A progress update from Ada's care team");
    expect(toMary.text).toContain(SUMMARY);
    expect(`${toMary.html}${toMary.text}`).not.toContain("migraine");
    const sms = twilio.requests.map((r) => r.parsed as { To: string; Body: string });
    expect(sms).toEqual([expect.objectContaining({ To: "+447911123456" })]);
    expect(sms[0]!.Body).not.toContain("sleeping");

    expect(await deliveriesOf(note.id)).toEqual([
      { kind: "progress_share", channel: "email", status: "sent", reason: null },
      { kind: "progress_update", channel: "email", status: "sent", reason: null },
      { kind: "progress_update", channel: "sms", status: "sent", reason: null },
    ]);
    expect((await db().select().from(progressNotes).where(eq(progressNotes.id, note.id)))[0]!.sharingStatus).toBe(
      "shared",
    );
  });

  it("without consent nothing leaves for the contact, and the skip is recorded with its reason", async () => {
    const note = await writeNote("ben");
    expect(await share(note.id)).toEqual({
      patientEmail: "sent",
      patientText: "skipped:texts_disabled",
      careContact: "skipped:no_sharing_consent",
    });
    expect(emails().map((e) => e.to)).toEqual([seedEmails.ben]);
    expect(await deliveriesOf(note.id)).toContainEqual({
      kind: "progress_share",
      channel: "email",
      status: "skipped",
      reason: "no_sharing_consent",
    });
  });

  it("a consent withdrawn after the note was saved stops the share that was not yet sent", async () => {
    // A patient of this test's own (consenting, with a care contact), so no seeded person is left changed.
    const patient = await createPatient(db(), {
      progressSharingConsent: true,
      careContactName: "Sam Contact",
      careContactEmail: "sam@family.example",
    });
    const visit = await createAppointment(db(), {
      patientId: patient.id,
      clinicianId: ids.grey,
      startsAt: new Date(Date.now() - 86_400_000),
      status: "completed",
    });
    const saved = await saveProgressNoteAction(
      {},
      form({ appointmentId: visit, privateNote: PRIVATE, patientSummary: SUMMARY }),
    );
    expect(saved.ok).toBe(true);
    const [note] = await db().select().from(progressNotes).where(eq(progressNotes.patientId, patient.id));
    await actAs(db(), patient.email);
    const withdrawn = await updateConsentAction(
      {},
      form({
        consent: "progressSharingConsent",
        decision: "withdraw",
        version: PROGRESS_SHARING_CONSENT_VERSION,
      }),
    );
    expect(withdrawn.ok).toBe(true);
    expect((await share(note!.id)).careContact).toBe("skipped:no_sharing_consent");
    expect(emails().map((e) => e.to)).not.toContain("sam@family.example");
  });

  it("a duplicate event (a replay, a second send under another id) shares once per recipient", async () => {
    const note = await writeNote("ada");
    await share(note.id);
    const second = await share(note.id, "replayed-from-the-dashboard");
    expect(second).toEqual({ patientEmail: "duplicate", patientText: "duplicate", careContact: "duplicate" });
    expect(emails()).toHaveLength(2);
    expect(twilio.requests).toHaveLength(1);
    expect(await deliveriesOf(note.id)).toHaveLength(3);
  });

  it("with the event API down the note is saved and pending; the relay publishes its event once the API is back", async () => {
    events.setOutage({ status: 503, body: { error: "unavailable" } });
    const result = await saveProgressNoteAction(
      {},
      form({ appointmentId: visits.ben, privateNote: PRIVATE, patientSummary: SUMMARY }),
    );
    expect(result).toMatchObject({ ok: true, message: expect.stringContaining("queued") });
    expect(await relayOutboxNow()).toMatchObject({ published: 0, failed: 1 });
    events.setOutage(null);
    events.requests.length = 0;
    const [note] = await db()
      .select()
      .from(progressNotes)
      .where(eq(progressNotes.sharingStatus, "pending"))
      .orderBy(sql`${progressNotes.createdAt} desc`)
      .limit(1);
    expect(note).toMatchObject({ patientId: ids.ben, sharingStatus: "pending" });

    // Inside its backoff the row waits; once it has run out (seeded, not waited for) one relay publishes it, once.
    expect(await relayOutboxNow()).toMatchObject({ published: 0 });
    await db()
      .update(eventOutbox)
      .set({ nextAttemptAt: new Date(Date.now() - 1000) })
      .where(isNull(eventOutbox.publishedAt));
    expect(await relayOutboxNow()).toMatchObject({ published: 1 });
    expect(await relayOutboxNow()).toMatchObject({ published: 0 });
    const published = receivedEvents(events.requests).filter((e) => e.data.progressNoteId === note!.id);
    expect(published).toEqual([expect.objectContaining({ name: "portal/progress-note.created" })]);

    expect(await share(note!.id, published[0]!.id)).toMatchObject({ careContact: "skipped:no_sharing_consent" });
    expect((await db().select().from(progressNotes).where(eq(progressNotes.id, note!.id)))[0]!.sharingStatus).toBe(
      "shared",
    );
  });
});

describe("the patient's Progress page data", () => {
  it("shows summaries, marks corrections, and never carries the private note", async () => {
    const items = await listProgressForPatient(db(), ids.ada);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => item.summary === SUMMARY)).toBe(true);
    expect(JSON.stringify(items)).not.toContain("migraine");
    expect(items.some((item) => item.correctsNoteId !== null)).toBe(true);
    expect(items.some((item) => item.correctedByNoteId !== null)).toBe(true);
  });
});

describe("the admin's progress sharing view", () => {
  it("lists each note's shares and skips with reasons, and none of its content", async () => {
    const { rows: notes } = await asStaff(db(), seedEmails.admin, () =>
      listProgressSharing(db(), parseListParams({ patient: "BEN@patients.example" })),
    );
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.every((note) => note.patientEmail === seedEmails.ben)).toBe(true);
    expect(notes.flatMap((note) => note.deliveries)).toContainEqual(
      expect.objectContaining({ kind: "progress_share", status: "skipped", reason: "no_sharing_consent" }),
    );
    expect(JSON.stringify(notes)).not.toMatch(/sleeping|migraine/);
  });
});

// First: it mocks next/headers before any route module loads it.
import "@/db/testing/request";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { leaveParticipant } from "./participants";
import { patientRecordingChoice } from "./patient-recording";
import { buildReceipt, receiptsForPatient, type ReceiptRows } from "./receipts";
import { joinAndHoldRoom, resumeRecording } from "./recording-rules";
import { startVideoSession } from "./sessions";
import { createVisit, decideRecordingConsent, setUpVideoWorld } from "./video-test-setup";

const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 14, minute));
const okafor = { role: "clinician" as const, displayName: "Dr Okafor" };
const gil = { role: "companion" as const, displayName: "Gil" };
const session = {
  roomSid: "RM1",
  status: "ended" as const,
  recordingReason: "consent_given" as const,
  guardAction: null,
  endedAt: at(40),
  createdAt: at(0),
};
const rows = (overrides: Partial<ReceiptRows>): ReceiptRows => ({
  sessions: [session],
  ruleChanges: [],
  participants: [],
  recordings: [],
  patientConsent: null,
  ...overrides,
});
const change = (
  minute: number,
  recording: boolean,
  cause: ReceiptRows["ruleChanges"][number]["cause"],
  who = null as ReceiptRows["ruleChanges"][number]["participant"] | null,
  transcription = false,
) => ({ roomSid: "RM1", recording, transcription, cause, createdAt: at(minute), participant: who });

describe("a visit's receipt, from its rows", () => {
  it("gives transcription its own stretches, from the same rows: the patient stops it while recording goes on", () => {
    const ada = { role: "patient" as const, displayName: "Ada" };
    const receipt = buildReceipt(
      rows({
        ruleChanges: [
          change(1, true, "start", null, true),
          change(7, true, "stop", ada, false),
          change(30, false, "end", null, false),
        ],
        participants: [{ ...okafor, recordingConsent: true }],
      }),
    );
    expect(receipt.transcribed).toEqual([{ from: at(1), to: at(7), stopped: "you stopped transcription" }]);
    expect(receipt.intervals).toEqual([{ from: at(1), to: at(30), stopped: "the visit ended" }]);
    const never = buildReceipt(rows({ ruleChanges: [change(1, true, "start"), change(9, false, "stop", ada)] }));
    expect(never.transcribed).toEqual([]);
    expect(never.intervals).toEqual([{ from: at(1), to: at(9), stopped: "you stopped recording" }]);
  });

  it("gives each recorded stretch, what stopped it, on whose consent, and when a recording was deleted and why", () => {
    const receipt = buildReceipt(
      rows({
        ruleChanges: [
          change(1, true, "start"),
          change(5, false, "join", { role: "interpreter", displayName: "Iris" }),
          change(9, true, "resume"),
          change(12, false, "stop", { role: "patient", displayName: "Ada" }),
          change(15, true, "resume"),
          change(20, false, "withdraw"),
        ],
        participants: [
          { ...okafor, recordingConsent: true },
          { role: "patient", displayName: "Ada", recordingConsent: true },
          { ...gil, recordingConsent: true },
          { role: "interpreter", displayName: "Iris", recordingConsent: true },
        ],
        recordings: [
          { roomSid: "RM1", status: "completed", deletedAt: at(25), deletedReason: "consent_withdrawn" },
          { roomSid: "RM1", status: "completed", deletedAt: at(26), deletedReason: "consent_withdrawn" },
        ],
        patientConsent: { givenAt: new Date(Date.UTC(2026, 9, 3)), version: "recording-2026-01" },
      }),
    );
    expect(receipt.intervals).toEqual([
      { from: at(1), to: at(5), stopped: "stopped when Iris (interpreter) joined without consenting" },
      { from: at(9), to: at(12), stopped: "you stopped recording" },
      { from: at(15), to: at(20), stopped: "you withdrew consent" },
    ]);
    expect(receipt.consent).toEqual({
      patient: { givenAt: new Date(Date.UTC(2026, 9, 3)), version: "recording-2026-01" },
      others: "Dr Okafor, Gil (companion), Iris (interpreter)",
    });
    // One line per reason, at the last deletion: one recording per track is the provider's detail, not the patient's.
    expect(receipt.deletions).toEqual([{ at: at(26), reason: "you withdrew consent" }]);
    expect(receipt).toMatchObject({ recorded: true, notRecorded: null, kept: false, deletionPending: false });
  });

  it("ends a stretch still on when the room ended, and says it is recording now while the room is live", () => {
    expect(buildReceipt(rows({ ruleChanges: [change(1, true, "start")] })).intervals).toEqual([
      { from: at(1), to: at(40), stopped: "until the visit ended" },
    ]);
    const live = rows({
      sessions: [{ ...session, status: "in-progress", endedAt: null }],
      ruleChanges: [change(1, true, "start")],
    });
    expect(buildReceipt(live).intervals).toEqual([{ from: at(1), to: null, stopped: null }]);
  });

  it("keeps a completed recording under retention unless its room is guarded (then it is being deleted)", () => {
    const recorded = { ruleChanges: [change(1, true, "start"), change(3, false, "stop")] };
    const recording = { roomSid: "RM1", status: "completed", deletedAt: null, deletedReason: null };
    expect(buildReceipt(rows({ ...recorded, recordings: [recording] }))).toMatchObject({
      kept: true,
      deletionPending: false,
    });
    const guarded = [{ ...session, guardAction: "recording_stopped" as const }];
    expect(buildReceipt(rows({ ...recorded, sessions: guarded, recordings: [recording] }))).toMatchObject({
      kept: false,
      deletionPending: true,
    });
  });

  it("says in one line why a visit was never recorded", () => {
    const never = (
      recordingReason: ReceiptRows["sessions"][number]["recordingReason"],
      extra: Partial<ReceiptRows> = {},
    ) =>
      buildReceipt(
        rows({ sessions: [{ ...session, recordingReason }], ruleChanges: [change(0, false, "start")], ...extra }),
      );
    expect(never("no_consent")).toMatchObject({
      recorded: false,
      intervals: [],
      consent: null,
      notRecorded: "Not recorded: you had not consented to recording.",
    });
    expect(never("consent_version_lapsed").notRecorded).toBe(
      "Not recorded: you had consented to an earlier version of the recording consent.",
    );
    const declined = [{ role: "patient" as const, displayName: "Ada", recordingConsent: false }];
    expect(never("participant_not_consented", { participants: declined }).notRecorded).toBe(
      "Not recorded: you chose not to record this visit.",
    );
    const guestSaidNo = [
      { ...okafor, recordingConsent: true },
      { ...gil, recordingConsent: false },
    ];
    expect(never("participant_not_consented", { participants: guestSaidNo }).notRecorded).toBe(
      "Not recorded: Gil (companion) had not consented.",
    );
  });
});

const world = setUpVideoWorld();
beforeEach(() => {
  world.fake.requests.length = 0;
});

describe("receipts of a patient's visits, read from the database", () => {
  it("follows a three-person visit through a companion's no, the clinician's resume and the patient's stop; only her own", async () => {
    await decideRecordingConsent(world.ada, "give");
    const visit = await createVisit(world.ada, world.grey);
    expect(await startVideoSession(db(), world.grey, visit)).toMatchObject({ ok: true, recording: true });
    const ada = { appointmentId: visit, role: "patient" as const, identity: `patient-${world.ada}`, userId: world.ada };
    await joinAndHoldRoom(db(), { ...ada, displayName: "Ada", recordingConsent: true });
    const companion = {
      appointmentId: visit,
      role: "companion" as const,
      identity: `guest-${visit}`,
      displayName: "Gil",
    };
    await joinAndHoldRoom(db(), { ...companion, recordingConsent: false });
    await leaveParticipant(db(), visit, companion.identity);
    expect(await resumeRecording(db(), visit)).toEqual({ ok: true, recording: true });
    await joinAndHoldRoom(db(), { ...companion, recordingConsent: true });
    expect(await patientRecordingChoice(db(), world.ada, visit, "stop")).toMatchObject({ recording: false });

    const receipt = (await receiptsForPatient(db(), world.ada, [visit])).get(visit)!;
    expect(receipt.intervals.map((i) => i.stopped)).toEqual([
      "stopped when Gil (companion) declined",
      "you stopped recording",
    ]);
    expect(receipt.intervals.every((i) => i.to !== null && i.from <= i.to)).toBe(true);
    expect(receipt.consent).toMatchObject({
      patient: { givenAt: expect.any(Date), version: "recording-2026-01" },
      others: "Dr. Meredith Grey, Gil (companion)",
    });
    expect(receipt).toMatchObject({ recorded: true, deletions: [], kept: false });

    // Another patient's ids find nothing: the read is scoped to the owner.
    expect((await receiptsForPatient(db(), world.ben, [visit])).size).toBe(0);
  });

  it("gives a visit without a session no receipt, and one never recorded its one line", async () => {
    await decideRecordingConsent(world.ada, "withdraw");
    const unopened = await createVisit(world.ada, world.grey);
    const neverRecorded = await createVisit(world.ada, world.grey);
    expect(await startVideoSession(db(), world.grey, neverRecorded)).toMatchObject({ recording: false });
    const receipts = await receiptsForPatient(db(), world.ada, [unopened, neverRecorded]);
    expect(receipts.has(unopened)).toBe(false);
    expect(receipts.get(neverRecorded)).toMatchObject({
      recorded: false,
      notRecorded: "Not recorded: you had not consented to recording.",
    });
    await decideRecordingConsent(world.ada, "give");
  });
});

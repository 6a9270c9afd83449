// First: it mocks next/headers before any route module loads it.
import "@/db/testing/request";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { videoRecordings, videoRuleChanges } from "@/db/schema";
import { patientRecordingChoice } from "./patient-recording";
import { receiptsForPatient } from "./receipts";
import { joinAndHoldRoom } from "./recording-rules";
import { startVideoSession } from "./sessions";
import {
  createVisit,
  decideRecordingConsent,
  recordingDeletes,
  roomCallback,
  sessionRows,
  setUpVideoWorld,
} from "./video-test-setup";

const world = setUpVideoWorld();
beforeEach(() => {
  world.fake.requests.length = 0;
});
afterEach(() => {
  vi.stubEnv("VIDEO_RECORDING_AFTER_STOP", "keep");
});

/** Ada's visit recording through Twilio with her in it, and a recording Twilio reported started. */
async function recordingVisit(recordingSid: string) {
  await decideRecordingConsent(world.ada, "give");
  const visit = await createVisit(world.ada, world.grey);
  expect(await startVideoSession(db(), world.grey, visit)).toMatchObject({ ok: true, recording: true });
  await joinAndHoldRoom(db(), {
    appointmentId: visit,
    role: "patient",
    identity: `patient-${world.ada}`,
    userId: world.ada,
    displayName: "Ada",
    recordingConsent: true,
  });
  const roomSid = (await sessionRows(visit))[0]!.roomSid!;
  const event = (StatusCallbackEvent: string) =>
    roomCallback({ RoomSid: roomSid, StatusCallbackEvent, RecordingSid: recordingSid });
  expect((await event("recording-started")).action).toBeNull();
  return { visit, event };
}

const recordingRow = async (recordingSid: string) =>
  (
    await db()
      .select({ deletedAt: videoRecordings.deletedAt, deletedReason: videoRecordings.deletedReason })
      .from(videoRecordings)
      .where(eq(videoRecordings.recordingSid, recordingSid))
  )[0];
const receiptOf = async (visit: string) => (await receiptsForPatient(db(), world.ada, [visit])).get(visit)!;

describe("a recording made with everyone's consent, then stopped by the patient", () => {
  it("is kept by default (VIDEO_RECORDING_AFTER_STOP=keep): the receipt says so", async () => {
    const { visit, event } = await recordingVisit("RTkeep");
    expect(await patientRecordingChoice(db(), world.ada, visit, "stop")).toMatchObject({ recording: false });
    expect((await event("recording-completed")).action).toBeNull();

    expect(recordingDeletes(world.fake)).toEqual({});
    expect(await recordingRow("RTkeep")).toEqual({ deletedAt: null, deletedReason: null });
    expect(await receiptOf(visit)).toMatchObject({ kept: true, deletions: [], deletionPending: false });
  });

  it("is deleted once it completes where the clinic deletes them, with the reason on the receipt", async () => {
    vi.stubEnv("VIDEO_RECORDING_AFTER_STOP", "delete");
    const { visit, event } = await recordingVisit("RTdelete");
    await patientRecordingChoice(db(), world.ada, visit, "stop");
    // Still recording the track until Twilio completes it: nothing to delete yet.
    expect(recordingDeletes(world.fake)).toEqual({});

    expect((await event("recording-completed")).action).toBe("recording_deleted");
    expect(recordingDeletes(world.fake)).toEqual({ RTdelete: 1 });
    expect(await recordingRow("RTdelete")).toMatchObject({
      deletedAt: expect.any(Date),
      deletedReason: "stopped_by_patient",
    });
    const receipt = await receiptOf(visit);
    expect(receipt).toMatchObject({ kept: false, deletionPending: false });
    expect(receipt.deletions).toEqual([
      {
        at: expect.any(Date),
        reason: "you stopped recording, and the clinic deletes recordings stopped by the patient",
      },
    ]);
  });

  it("is always deleted after a withdrawal, whatever the setting, with the withdrawal as the reason", async () => {
    const { visit, event } = await recordingVisit("RTwithdrawn");
    await patientRecordingChoice(db(), world.ada, visit, "withdraw");
    expect((await event("recording-completed")).action).toBe("recording_deleted");
    expect(await recordingRow("RTwithdrawn")).toMatchObject({ deletedReason: "consent_withdrawn" });
    const receipt = await receiptOf(visit);
    expect(receipt.intervals.at(-1)?.stopped).toBe("you withdrew consent");
    expect(receipt.deletions.map((d) => d.reason)).toEqual(["you withdrew consent"]);
    await decideRecordingConsent(world.ada, "give");
  });
});

describe("a recording started without consent", () => {
  it("is stopped by the guard, logged as a rule change, and deleted as recorded without consent", async () => {
    // Ben has not consented (as seeded): the room opens not recording; Twilio reports a recording anyway.
    const visit = await createVisit(world.ben, world.grey);
    expect(await startVideoSession(db(), world.grey, visit)).toMatchObject({ recording: false });
    const roomSid = (await sessionRows(visit))[0]!.roomSid!;
    const event = (StatusCallbackEvent: string) =>
      roomCallback({ RoomSid: roomSid, StatusCallbackEvent, RecordingSid: "RTunconsented" });
    expect((await event("recording-started")).action).toBe("recording_stopped");
    expect((await event("recording-completed")).action).toBe("recording_deleted");

    const causes = await db()
      .select({ cause: videoRuleChanges.cause, recording: videoRuleChanges.recording })
      .from(videoRuleChanges)
      .where(eq(videoRuleChanges.appointmentId, visit))
      .orderBy(videoRuleChanges.id);
    expect(causes).toEqual([
      { cause: "start", recording: false },
      { cause: "guard", recording: false },
    ]);
    expect(await recordingRow("RTunconsented")).toMatchObject({ deletedReason: "recorded_without_consent" });
    const receipt = (await receiptsForPatient(db(), world.ben, [visit])).get(visit)!;
    expect(receipt).toMatchObject({
      recorded: false,
      notRecorded: "Not recorded: you had not consented to recording.",
    });
    expect(receipt.deletions.map((d) => d.reason)).toEqual(["it was made without everyone's consent"]);
  });
});

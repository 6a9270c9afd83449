import "@/db/testing/request";
import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { enforceRecordingConsentFn } from "@/inngest/functions/video/enforce-recording-consent";
import { enforceRecordingConsent } from "./enforce";
import { startVideoSession } from "./sessions";
import { createVisit, decideRecordingConsent, ruleUpdates, sessionRows, setUpVideoWorld } from "./video-test-setup";

const world = setUpVideoWorld();

/** Ada's visit with a recording room open, as the clinician started it with her consent stored. */
async function recordingRoom() {
  const visit = await createVisit(world.ada, world.grey);
  expect(await startVideoSession(db(), world.grey, visit)).toMatchObject({ ok: true, recording: true });
  const [session] = await sessionRows(visit);
  return { visit, roomSid: session!.roomSid! };
}

const runEnforcement = () =>
  new InngestTestEngine({
    function: enforceRecordingConsentFn,
    events: [{ name: "portal/patient.recording-consent-revoked", data: { patientId: world.ada, ledgerEntryId: 1 } }],
  }).execute();

describe("recording guard: enforcement after a withdrawal", () => {
  it("handles each live room on its own: ended rooms are marked ended, a failing room does not stop the others, the retry finishes it", async () => {
    const completed = await recordingRoom();
    const missing = await recordingRoom();
    const flaky = await recordingRoom();
    const live = await recordingRoom();
    // The room ended but its row was left in progress (the room-ended callback never came).
    world.fake.completeRoom(completed.roomSid);
    world.fake.queueReply(
      { status: 404, body: { code: 20404, message: "The requested resource was not found", status: 404 } },
      (r) => r.path.includes(missing.roomSid),
    );
    world.fake.queueReply({ status: 500, body: { code: 20500, message: "Internal Server Error", status: 500 } }, (r) =>
      r.path.includes(flaky.roomSid),
    );
    await decideRecordingConsent(world.ada, "withdraw");
    world.fake.requests.length = 0;

    await expect(enforceRecordingConsent(db(), world.ada)).rejects.toThrow(
      "Recording not stopped in 1 of 4 rooms (stopped 1, ended 2)",
    );
    for (const room of [completed, missing, flaky, live])
      expect(ruleUpdates(world.fake, room.roomSid)).toEqual([[{ type: "exclude", all: true }]]);
    expect((await sessionRows(completed.visit))[0]).toMatchObject({
      status: "ended",
      endedAt: expect.any(Date),
      recording: true,
    });
    expect((await sessionRows(missing.visit))[0]).toMatchObject({ status: "ended", endedAt: expect.any(Date) });
    expect((await sessionRows(flaky.visit))[0]).toMatchObject({
      status: "in-progress",
      recording: true,
      guardAction: null,
    });
    expect((await sessionRows(live.visit))[0]).toMatchObject({
      status: "in-progress",
      recording: false,
      recordingReason: "consent_withdrawn",
      guardAction: "recording_stopped",
    });

    // Inngest's retry touches only the room still recording, and its output says what it did.
    world.fake.requests.length = 0;
    const { result } = await runEnforcement();
    expect(result).toEqual({ stopped: 1, ended: 0, failed: 0 });
    expect(world.fake.requests.map((r) => r.path)).toEqual([`/video/v1/Rooms/${flaky.roomSid}/RecordingRules`]);
    expect((await sessionRows(flaky.visit))[0]).toMatchObject({
      recording: false,
      recordingReason: "consent_withdrawn",
      guardAction: "recording_stopped",
    });

    world.fake.requests.length = 0;
    expect((await runEnforcement()).result).toEqual({ stopped: 0, ended: 0, failed: 0 });
    expect(world.fake.requests).toEqual([]);
    await decideRecordingConsent(world.ada, "give");
  });
});

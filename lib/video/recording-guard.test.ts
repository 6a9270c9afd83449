// First: it mocks next/headers before any route module loads it.
import "@/db/testing/request";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { videoRecordings, videoSessions } from "@/db/schema";
import { startVideoSession } from "./sessions";
import {
  createVisit,
  decideRecordingConsent,
  recordingDeletes,
  roomCallback,
  ruleUpdates,
  sessionRows,
  setUpVideoWorld,
} from "./video-test-setup";

const world = setUpVideoWorld();
beforeEach(() => {
  world.fake.requests.length = 0;
});

/** A room the clinician opened for a patient who has not consented to recording (Ben, as seeded). */
async function unconsentedRoom() {
  const visit = await createVisit(world.ben, world.grey);
  expect(await startVideoSession(db(), world.grey, visit)).toMatchObject({
    ok: true,
    recording: false,
    reason: "no_consent",
  });
  const [session] = await sessionRows(visit);
  world.fake.requests.length = 0;
  const roomSid = session!.roomSid!;
  const event = (StatusCallbackEvent: string, RecordingSid?: string) =>
    roomCallback({ RoomSid: roomSid, StatusCallbackEvent, ...(RecordingSid ? { RecordingSid } : {}) });
  const guardAction = async () =>
    (
      await db()
        .select({ guardAction: videoSessions.guardAction })
        .from(videoSessions)
        .where(eq(videoSessions.id, session!.id))
    )[0]!.guardAction;
  return { visit, roomSid, event, guardAction };
}

describe("recording guard: status callbacks", () => {
  it("deletes every completed recording of an unconsented room exactly once, whatever the order and however often replayed", async () => {
    const room = await unconsentedRoom();
    // One recording per track: audio, video and screen share. The audio completes before its start is reported.
    expect((await room.event("recording-completed", "RTaudio")).action).toBeNull();
    expect(recordingDeletes(world.fake)).toEqual({});

    expect((await room.event("recording-started", "RTvideo")).action).toBe("recording_deleted");
    expect(ruleUpdates(world.fake, room.roomSid)).toEqual([[{ type: "exclude", all: true }]]);
    expect(recordingDeletes(world.fake)).toEqual({ RTaudio: 1 });
    // The video track still records until it completes: the room is not "deleted" yet.
    expect(await room.guardAction()).toBe("recording_stopped");

    expect((await room.event("recording-started", "RTaudio")).action).toBeNull();
    expect((await room.event("recording-started", "RTscreen")).action).toBeNull();
    expect((await room.event("recording-completed", "RTvideo")).action).toBe("recording_deleted");
    // The screen recording was deleted already by a lost-response attempt: Twilio answers 404, which counts as deleted.
    await fetch(`${world.fake.url}/video/v1/Recordings/RTscreen`, { method: "DELETE" });
    expect((await room.event("recording-completed", "RTscreen")).action).toBe("recording_deleted");
    expect(await room.guardAction()).toBe("recording_deleted");

    const replays = [
      "recording-completed:RTaudio",
      "recording-started:RTvideo",
      "recording-completed:RTvideo",
      "recording-completed:RTscreen",
      "room-ended:",
    ];
    for (const replay of [...replays, ...replays]) {
      const [event, sid] = replay.split(":");
      await room.event(event!, sid || undefined);
    }
    // RTscreen: the earlier attempt's DELETE, then ours (answered 404); nothing more for any replay.
    expect(recordingDeletes(world.fake)).toEqual({ RTaudio: 1, RTvideo: 1, RTscreen: 2 });
    expect(ruleUpdates(world.fake)).toHaveLength(1);
    const recordings = await db().select().from(videoRecordings).where(eq(videoRecordings.roomSid, room.roomSid));
    expect(recordings.map((r) => [r.recordingSid, r.status, r.deletedAt !== null]).sort()).toEqual([
      ["RTaudio", "completed", true],
      ["RTscreen", "completed", true],
      ["RTvideo", "completed", true],
    ]);
    expect(await room.guardAction()).toBe("recording_deleted");
  });

  it("a recording Twilio fails to delete is retried by the next callback; the others are deleted meanwhile", async () => {
    const room = await unconsentedRoom();
    await room.event("recording-started", "RTone");
    world.fake.queueReply({ status: 503, body: { code: 20503, message: "Service unavailable", status: 503 } }, (r) =>
      r.path.endsWith("/RTone"),
    );
    await room.event("recording-completed", "RTtwo");
    // Answered 500 (the route's handleErrors), with no receipt: Twilio's retry of this same callback is processed.
    expect(await room.event("recording-completed", "RTone")).toEqual({ status: 500, action: null });
    expect(await room.guardAction()).toBe("recording_stopped");
    expect((await room.event("recording-completed", "RTone")).action).toBe("recording_deleted");
    expect(recordingDeletes(world.fake)).toEqual({ RTtwo: 1, RTone: 2 });
    expect(await room.guardAction()).toBe("recording_deleted");
  });

  it("the same completed callback delivered twice at once deletes the recording once", async () => {
    const room = await unconsentedRoom();
    await room.event("recording-started", "RTtwin");
    await Promise.all([room.event("recording-completed", "RTtwin"), room.event("recording-completed", "RTtwin")]);
    expect(recordingDeletes(world.fake)).toEqual({ RTtwin: 1 });
    expect(await room.guardAction()).toBe("recording_deleted");
  });

  it("a replayed room-ended keeps the first end; a recording-started after the end reopens nothing", async () => {
    const visit = await createVisit(world.ada, world.grey);
    expect(await startVideoSession(db(), world.grey, visit)).toMatchObject({ recording: true });
    const [session] = await sessionRows(visit);
    const roomSid = session!.roomSid!;
    expect((await roomCallback({ RoomSid: roomSid, StatusCallbackEvent: "room-ended" })).action).toBe("ended");
    const [ended] = await sessionRows(visit);
    expect(ended).toMatchObject({ status: "ended", endedAt: expect.any(Date) });
    await vi.waitUntil(() => Date.now() > ended!.endedAt!.getTime() + 1);

    expect((await roomCallback({ RoomSid: roomSid, StatusCallbackEvent: "room-ended" })).action).toBeNull();
    // Consent withdrawn after the visit: a late start report must not touch the ended room or its decision.
    await decideRecordingConsent(world.ada, "withdraw");
    world.fake.requests.length = 0;
    expect(
      (await roomCallback({ RoomSid: roomSid, StatusCallbackEvent: "recording-started", RecordingSid: "RTlate" }))
        .action,
    ).toBeNull();
    expect(await sessionRows(visit)).toEqual([ended]);
    expect(world.fake.requests).toEqual([]);
    await decideRecordingConsent(world.ada, "give");
  });
});

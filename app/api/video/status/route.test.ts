// First: it mocks next/headers before any route module loads it.
import "@/db/testing/request";
import { count, eq } from "drizzle-orm";
import twilio from "twilio";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { videoRecordings, videoSessionEvents, webhookReceipts } from "@/db/schema";
import { startVideoSession } from "@/lib/video/sessions";
import {
  createVisit,
  recordingDeletes,
  roomCallback,
  ruleUpdates,
  sessionRows,
  setUpVideoWorld,
} from "@/lib/video/video-test-setup";
import { POST } from "./route";

const world = setUpVideoWorld();
beforeEach(() => {
  world.fake.requests.length = 0;
});

const publicUrl = "https://portal.clinic.example/api/video/status";
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A room the clinician opened for a patient who has not consented (Ben, as seeded), and its callbacks as Twilio sends them. */
async function unconsentedRoom() {
  const visit = await createVisit(world.ben, world.grey);
  expect(await startVideoSession(db(), world.grey, visit)).toMatchObject({ ok: true, recording: false });
  const [session] = await sessionRows(visit);
  world.fake.requests.length = 0;
  const roomSid = session!.roomSid!;
  let sequence = 0;
  /** The parameters of the room's next event: Twilio numbers each event of a room and stamps its time. */
  const next = (StatusCallbackEvent: string, extra: Record<string, string> = {}) => ({
    AccountSid: "AC00000000000000000000000000000001",
    RoomSid: roomSid,
    RoomName: `appointment-${visit}`,
    RoomStatus: "in-progress",
    RoomType: "group",
    StatusCallbackEvent,
    SequenceNumber: String(sequence++),
    Timestamp: new Date(Date.UTC(2026, 0, 5, 9, 0, sequence)).toISOString(),
    ...extra,
  });
  const events = async () =>
    (
      await db()
        .select({ event: videoSessionEvents.event })
        .from(videoSessionEvents)
        .where(eq(videoSessionEvents.roomSid, roomSid))
    ).map((row) => row.event);
  return { visit, roomSid, next, events };
}

const rowCounts = async () => ({
  events: (await db().select({ n: count() }).from(videoSessionEvents))[0]!.n,
  receipts: (await db().select({ n: count() }).from(webhookReceipts))[0]!.n,
  recordings: (await db().select({ n: count() }).from(videoRecordings))[0]!.n,
});

function signedRequest(params: Record<string, string>, headers: Record<string, string> = {}) {
  return new Request("http://127.0.0.1:3000/api/video/status", {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": twilio.getExpectedTwilioSignature("twilio-token", publicUrl, params),
      ...headers,
    },
    body: new URLSearchParams(params).toString(),
  });
}

describe("room status callbacks are handled once, by their identity", () => {
  it("a replayed callback adds no event row and does nothing; the room's next event is processed", async () => {
    const room = await unconsentedRoom();
    const created = room.next("room-created");
    expect(await roomCallback(created)).toEqual({ status: 200, action: null });
    const response = await POST(signedRequest(created));
    expect(await response.json()).toEqual({ ok: true, action: null, replay: true });
    expect(await room.events()).toEqual(["room-created"]);

    const started = room.next("recording-started", { RecordingSid: "RTreplay" });
    expect(await roomCallback(started)).toEqual({ status: 200, action: "recording_stopped" });
    expect(await roomCallback(started)).toEqual({ status: 200, action: null });
    expect(await room.events()).toEqual(["room-created", "recording-started"]);
    expect(ruleUpdates(world.fake, room.roomSid)).toHaveLength(1);
    const receipts = await db()
      .select()
      .from(webhookReceipts)
      .where(eq(webhookReceipts.source, "twilio-room-callback"));
    expect(receipts.map((r) => r.receiptKey)).toContain(`${room.roomSid}/seq-1/recording-started/RTreplay`);
  });

  it("without a SequenceNumber the event, its SIDs and Timestamp name it: a replay is caught, a later reconnect is not", async () => {
    const room = await unconsentedRoom();
    const joined = {
      RoomSid: room.roomSid,
      StatusCallbackEvent: "participant-connected",
      ParticipantSid: "PA00000000000000000000000000000007",
      ParticipantIdentity: world.grey,
      Timestamp: "2026-01-05T09:00:01.000Z",
    };
    await roomCallback(joined);
    await roomCallback(joined);
    expect(await room.events()).toEqual(["participant-connected"]);
    await roomCallback({ ...joined, Timestamp: "2026-01-05T09:07:30.000Z" });
    expect(await room.events()).toEqual(["participant-connected", "participant-connected"]);
  });

  it("a callback whose effect failed (Twilio 503 deleting the recording) is processed on Twilio's retry", async () => {
    const room = await unconsentedRoom();
    await roomCallback(room.next("recording-started", { RecordingSid: "RTretry" }));
    world.fake.queueReply({ status: 503, body: { code: 20503, message: "Service unavailable", status: 503 } }, (r) =>
      r.path.endsWith("/RTretry"),
    );
    const completed = room.next("recording-completed", { RecordingSid: "RTretry" });
    const failed = await POST(signedRequest(completed));
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({
      error: expect.stringMatching(/^Something went wrong on our side \(reference/),
    });
    expect(await room.events()).toEqual(["recording-started"]);

    // Twilio retries the very same request: it is not taken for a replay.
    expect(await roomCallback(completed)).toEqual({ status: 200, action: "recording_deleted" });
    expect(await room.events()).toEqual(["recording-started", "recording-completed"]);
    // And a further delivery of it is one.
    expect(await roomCallback(completed)).toEqual({ status: 200, action: null });
    expect(recordingDeletes(world.fake)).toEqual({ RTretry: 2 });
    expect(await room.events()).toEqual(["recording-started", "recording-completed"]);
  });

  it("two deliveries of one callback at the same moment have one effect and one event row", async () => {
    const room = await unconsentedRoom();
    // Twilio answers slowly, so the second delivery arrives while the first is still at work.
    const slowly = (path: string) =>
      world.fake.queueReply(
        () => sleep(300).then(() => undefined),
        (r) => r.path.endsWith(path),
      );
    slowly("/RecordingRules");
    const started = room.next("recording-started", { RecordingSid: "RTtwin" });
    const startResults = await Promise.all([roomCallback(started), roomCallback(started)]);
    expect(startResults.map((r) => r.status)).toEqual([200, 200]);
    expect(ruleUpdates(world.fake, room.roomSid)).toEqual([[{ type: "exclude", all: true }]]);

    slowly("/RTtwin");
    const completed = room.next("recording-completed", { RecordingSid: "RTtwin" });
    const results = await Promise.all([roomCallback(completed), roomCallback(completed)]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    expect(recordingDeletes(world.fake)).toEqual({ RTtwin: 1 });

    const ended = room.next("room-ended", { RoomStatus: "completed" });
    await Promise.all([roomCallback(ended), roomCallback(ended)]);
    expect(await room.events()).toEqual(["recording-started", "recording-completed", "room-ended"]);
    expect(await sessionRows(room.visit)).toMatchObject([{ status: "ended", guardAction: "recording_deleted" }]);
  });

  it("a duplicate racing a delivery whose delete failed deletes the recording itself before it records the receipt", async () => {
    const room = await unconsentedRoom();
    await roomCallback(room.next("recording-started", { RecordingSid: "RTrace" }));
    const unavailable = { status: 503, body: { code: 20503, message: "Service unavailable", status: 503 } };
    world.fake.queueReply(
      () => sleep(300).then(() => unavailable),
      (r) => r.path.endsWith("/RTrace"),
    );
    const completed = room.next("recording-completed", { RecordingSid: "RTrace" });
    const results = await Promise.all([roomCallback(completed), roomCallback(completed)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 500]);
    // The receipt was written only once the recording was gone, so Twilio's retry of the failed one finds nothing to do.
    expect(recordingDeletes(world.fake)).toEqual({ RTrace: 2 });
    const [recording] = await db().select().from(videoRecordings).where(eq(videoRecordings.recordingSid, "RTrace"));
    expect(recording!.deletedAt).not.toBeNull();
    expect(await roomCallback(completed)).toEqual({ status: 200, action: null });
    expect(await room.events()).toEqual(["recording-started", "recording-completed"]);
  });
});

describe("room status callbacks refused with a clear 4xx, writing nothing", () => {
  it("unsigned or signed for other parameters: 403", async () => {
    const room = await unconsentedRoom();
    const before = await rowCounts();
    const params = room.next("recording-started", { RecordingSid: "RTforged" });
    const unsigned = signedRequest(params);
    unsigned.headers.delete("x-twilio-signature");
    expect((await POST(unsigned)).status).toBe(403);
    const forged = signedRequest(params, {
      "x-twilio-signature": twilio.getExpectedTwilioSignature("twilio-token", publicUrl, {
        ...params,
        StatusCallbackEvent: "room-created",
      }),
    });
    expect((await POST(forged)).status).toBe(403);
    expect(await rowCounts()).toEqual(before);
    expect(world.fake.requests).toEqual([]);
  });

  it("signed but without RoomSid or StatusCallbackEvent: 400 with a message", async () => {
    const room = await unconsentedRoom();
    const before = await rowCounts();
    const without = (params: Record<string, string>, name: string) =>
      Object.fromEntries(Object.entries(params).filter(([key]) => key !== name));
    const noRoomResponse = await POST(
      signedRequest(without(room.next("recording-started", { RecordingSid: "RTnoroom" }), "RoomSid")),
    );
    expect(noRoomResponse.status).toBe(400);
    expect(await noRoomResponse.json()).toEqual({ error: "RoomSid is missing." });
    const noEventResponse = await POST(
      signedRequest(without(room.next("recording-started", { RecordingSid: "RTnoevent" }), "StatusCallbackEvent")),
    );
    expect(noEventResponse.status).toBe(400);
    expect(await noEventResponse.json()).toEqual({ error: "StatusCallbackEvent is missing." });
    expect(await rowCounts()).toEqual(before);
    expect(world.fake.requests).toEqual([]);
  });

  it("a body over 64 kB: 413, whether its length is declared or only streamed", async () => {
    const room = await unconsentedRoom();
    const before = await rowCounts();
    const params = room.next("recording-started", { RecordingSid: "RTlarge", Padding: "x".repeat(70 * 1024) });
    const length = String(new URLSearchParams(params).toString().length);
    expect((await POST(signedRequest(params, { "content-length": length }))).status).toBe(413);
    const streamed = await POST(signedRequest(params));
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toEqual({ error: expect.stringMatching(/too large/) });
    expect(await rowCounts()).toEqual(before);
    expect(world.fake.requests).toEqual([]);
  });
});

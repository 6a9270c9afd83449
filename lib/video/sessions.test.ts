// First: it mocks next/headers before any route module loads it.
import { actAs } from "@/db/testing/request";
import { describe, expect, it } from "vitest";
import { POST as startRoom } from "@/app/api/sessions/[appointmentId]/room/route";
import { db, dbHandle } from "@/db/client";
import { seedEmails } from "@/db/seed";
import { enforceRecordingConsent } from "./enforce";
import {
  createVisit,
  decideRecordingConsent,
  liveSessionRows,
  ruleUpdates,
  sessionRows,
  setUpVideoWorld,
} from "./video-test-setup";

const world = setUpVideoWorld();
const start = (appointmentId: string) =>
  startRoom(new Request("http://localhost/x", { method: "POST" }), {
    params: Promise.resolve({ appointmentId }),
  } as never);

describe("starting a video session", () => {
  it("consent withdrawn while Twilio creates the room: the room is switched to exclude-all and the clinician told", async () => {
    const visit = await createVisit(world.ada, world.grey);
    let enforcedWhileCreating: unknown;
    // The withdrawal and its enforcement run while the room is being created: enforcement finds no session row yet.
    world.fake.queueReply(
      async () => {
        await decideRecordingConsent(world.ada, "withdraw");
        enforcedWhileCreating = await enforceRecordingConsent(db(), world.ada);
        return undefined;
      },
      (request) => request.method === "POST" && request.path === "/video/v1/Rooms",
    );
    world.fake.requests.length = 0;
    await actAs(db(), seedEmails.grey);
    const response = await start(visit);

    expect(enforcedWhileCreating).toEqual({ stopped: 0, ended: 0, failed: 0 });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ recording: false, reason: "consent_withdrawn" });
    const rows = await sessionRows(visit);
    expect(rows).toEqual([
      expect.objectContaining({
        status: "in-progress",
        recording: false,
        recordingReason: "consent_withdrawn",
        guardAction: "recording_stopped",
      }),
    ]);
    expect((world.fake.requests[0]!.parsed as Record<string, string>).RecordParticipantsOnConnect).toBe("true");
    expect(ruleUpdates(world.fake, rows[0]!.roomSid!)).toEqual([[{ type: "exclude", all: true }]]);
    await decideRecordingConsent(world.ada, "give");
  });

  it(`two or three tabs starting the same room at once leave exactly one live session row (${dbHandle().driver})`, async () => {
    const visit = await createVisit(world.ben, world.grey);
    await actAs(db(), seedEmails.grey);
    for (let round = 0; round < 10; round++) {
      const tabs = 2 + (round % 2);
      const responses = await Promise.all(Array.from({ length: tabs }, () => start(visit)));
      expect(responses.map((response) => response.status)).toEqual(Array(tabs).fill(200));
      const live = await liveSessionRows(visit);
      expect(live).toHaveLength(1);
      // Every other round the room ends first, so the tabs also race to create it.
      if (round % 2 === 1) world.fake.completeRoom(live[0]!.roomSid!);
    }
    const rows = await sessionRows(visit);
    expect(rows.length).toBe(25);
    expect(rows.filter((row) => row.status === "superseded")).toHaveLength(24);
  });
});

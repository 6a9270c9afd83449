import "@/db/testing/request";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { consentTexts } from "@/db/schema";
import { publishConsentText } from "@/lib/patients/consent-publish";
import { joinAndHoldRoom, resumeRecording } from "./recording-rules";
import { startVideoSession } from "./sessions";
import { createVisit, decideRecordingConsent, ruleUpdates, sessionRows, setUpVideoWorld } from "./video-test-setup";

// Its own file: the lapse changes the consent texts every later test would read.
const world = setUpVideoWorld();
const MINUTE = 60_000;

describe("a recording consent that lapses during a visit", () => {
  it("the next join stops the room with consent_version_lapsed, and the clinician cannot resume it", async () => {
    await decideRecordingConsent(world.ada, "give");
    const visit = await createVisit(world.ada, world.grey);
    expect(await startVideoSession(db(), world.grey, visit)).toMatchObject({ recording: true });
    const roomSid = (await sessionRows(visit))[0]!.roomSid!;
    world.fake.requests.length = 0;

    await publishConsentText(db(), {
      kind: "recordingConsent",
      version: "recording-2026-12",
      title: "Recording of video visits",
      text: "I agree that my video visits may be recorded, and that recordings are kept for ten years.",
      effectiveAt: new Date(Date.now() - 10 * MINUTE),
      priorVersionsLapseAt: new Date(Date.now() + 60 * MINUTE),
    });
    await db()
      .update(consentTexts)
      .set({ priorVersionsLapseAt: new Date(Date.now() - MINUTE) })
      .where(eq(consentTexts.version, "recording-2026-12"));

    // An interpreter who consents joins: the room may no longer record, because Ada's consent has lapsed.
    await joinAndHoldRoom(db(), {
      appointmentId: visit,
      role: "interpreter",
      identity: `guest-interpreter-${visit}`,
      displayName: "Iris",
      recordingConsent: true,
    });
    expect(ruleUpdates(world.fake, roomSid)).toEqual([[{ type: "exclude", all: true }]]);
    expect((await sessionRows(visit))[0]).toMatchObject({
      recording: false,
      recordingReason: "consent_version_lapsed",
    });
    expect(await resumeRecording(db(), visit)).toMatchObject({ ok: false, status: 409 });
  });
});

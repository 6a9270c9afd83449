// First: it mocks next/headers before any route module loads it.
import { actAs } from "@/db/testing/request";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { POST as resumeRoute } from "@/app/api/sessions/[appointmentId]/recording/route";
import { POST as startRoute } from "@/app/api/sessions/[appointmentId]/room/route";
import { GET as stateRoute } from "@/app/api/sessions/[appointmentId]/state/route";
import { POST as visitRecordingRoute } from "@/app/api/visits/[appointmentId]/recording/route";
import { POST as tokenRoute } from "@/app/api/visits/[appointmentId]/token/route";
import { db } from "@/db/client";
import { patientProfiles, preferenceLedger, videoRuleChanges } from "@/db/schema";
import { seedEmails } from "@/db/seed";
import { leaveParticipant } from "./participants";
import { joinAndHoldRoom } from "./recording-rules";
import { createVisit, decideRecordingConsent, ruleUpdates, sessionRows, setUpVideoWorld } from "./video-test-setup";

const world = setUpVideoWorld();
const include = [{ type: "include", all: true }];
const exclude = [{ type: "exclude", all: true }];
type Route = (request: Request, context: never) => Promise<Response>;
const post = (route: Route, id: string, body?: unknown) =>
  route(
    new Request("http://localhost/x", { method: "POST", body: body === undefined ? undefined : JSON.stringify(body) }),
    { params: Promise.resolve({ appointmentId: id }) } as never,
  );
const state = async (id: string) =>
  (
    await stateRoute(new Request("http://localhost/x"), { params: Promise.resolve({ appointmentId: id }) } as never)
  ).json();
const interpreter = (appointmentId: string, recordingConsent?: boolean) =>
  joinAndHoldRoom(db(), {
    appointmentId,
    role: "interpreter",
    identity: `guest-interpreter-${appointmentId}`,
    displayName: "Iris",
    recordingConsent,
  });
const causes = async (appointmentId: string) =>
  (
    await db()
      .select({ recording: videoRuleChanges.recording, cause: videoRuleChanges.cause })
      .from(videoRuleChanges)
      .where(eq(videoRuleChanges.appointmentId, appointmentId))
      .orderBy(videoRuleChanges.id)
  ).map((r) => `${r.cause}:${r.recording ? "include" : "exclude"}`);

/** A recording room of Ada's: the clinician started it consenting, with her stored consent. */
async function recordingVisit() {
  await decideRecordingConsent(world.ada, "give");
  const visit = await createVisit(world.ada, world.grey);
  await actAs(db(), seedEmails.grey);
  const started = await (await post(startRoute, visit, { recordingConsent: true })).json();
  expect(started).toMatchObject({ recording: true, reason: "consent_given" });
  const roomSid = (await sessionRows(visit))[0]!.roomSid!;
  return { visit, roomSid };
}

beforeEach(() => {
  world.fake.requests.length = 0;
});

describe("all-party consent, two participants (clinician and patient), through Twilio", () => {
  it("join sends nothing; 'Not this time' sends exclude-all; a forged resume is refused; the clinician resumes after a yes", async () => {
    const { visit, roomSid } = await recordingVisit();
    await actAs(db(), seedEmails.ada);
    expect(await (await post(tokenRoute, visit, { recordThisVisit: true })).json()).toMatchObject({ recording: true });
    expect(ruleUpdates(world.fake, roomSid)).toEqual([]);

    const stopped = await post(visitRecordingRoute, visit, { action: "stop" });
    expect(await stopped.json()).toMatchObject({ ok: true, recording: false });
    expect(ruleUpdates(world.fake, roomSid)).toEqual([exclude]);
    expect(await state(visit)).toMatchObject({
      recording: false,
      offReason: "Recording is off: Ada has not consented",
    });

    // Forged: the patient cannot resume; the clinician's resume is refused while she declines.
    expect((await post(resumeRoute, visit, { action: "resume" })).status).toBe(403);
    await actAs(db(), seedEmails.grey);
    const refused = await post(resumeRoute, visit, { action: "resume" });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toEqual({ error: "Recording is off: Ada has not consented." });
    // A forged start body cannot turn it on either: the patient's "Not this time" stands.
    expect(await (await post(startRoute, visit, { recordingConsent: true })).json()).toMatchObject({
      recording: false,
    });
    expect(ruleUpdates(world.fake, roomSid)).toEqual([exclude, exclude]);

    await actAs(db(), seedEmails.ada);
    await post(visitRecordingRoute, visit, { action: "record" });
    expect(ruleUpdates(world.fake, roomSid)).toHaveLength(2); // her yes alone does not turn it on
    await actAs(db(), seedEmails.grey);
    expect(await (await post(resumeRoute, visit, { action: "resume" })).json()).toEqual({ ok: true, recording: true });
    expect(ruleUpdates(world.fake, roomSid)).toEqual([exclude, exclude, include]);
    expect(await causes(visit)).toEqual(["start:include", "stop:exclude", "start:exclude", "resume:include"]);
  });

  it("the clinician declining at the start records nothing; withdrawal from the visit page stops it with a ledger row", async () => {
    await decideRecordingConsent(world.ada, "give");
    const declined = await createVisit(world.ada, world.grey);
    await actAs(db(), seedEmails.grey);
    expect(await (await post(startRoute, declined, { recordingConsent: false })).json()).toMatchObject({
      recording: false,
      reason: "participant_not_consented",
    });
    expect(await state(declined)).toMatchObject({ offReason: "Recording is off: the clinician has not consented" });

    const { visit, roomSid } = await recordingVisit();
    await actAs(db(), seedEmails.ada);
    await post(tokenRoute, visit);
    const withdrawn = await post(visitRecordingRoute, visit, { action: "withdraw" });
    expect(await withdrawn.json()).toMatchObject({ ok: true, withdrew: true, recording: false });
    expect(ruleUpdates(world.fake, roomSid)).toEqual([exclude]);
    const [profile] = await db()
      .select({ consent: patientProfiles.recordingConsent })
      .from(patientProfiles)
      .where(eq(patientProfiles.userId, world.ada));
    expect(profile!.consent).toBe(false);
    const [ledger] = await db()
      .select({ newValue: preferenceLedger.newValue })
      .from(preferenceLedger)
      .where(and(eq(preferenceLedger.patientId, world.ada), eq(preferenceLedger.field, "recordingConsent")))
      .orderBy(preferenceLedger.id);
    expect(ledger).toBeDefined();
    expect((await sessionRows(visit))[0]).toMatchObject({
      recordingReason: "consent_withdrawn",
      guardAction: "recording_stopped",
    });
    await actAs(db(), seedEmails.grey);
    expect((await post(resumeRoute, visit, { action: "resume" })).status).toBe(409);
  });

  it("bad input writes nothing: a 422 for an unknown action, 404 for another patient's visit", async () => {
    const { visit, roomSid } = await recordingVisit();
    await actAs(db(), seedEmails.ada);
    expect((await post(visitRecordingRoute, visit, { action: "pause-everything" })).status).toBe(422);
    expect((await post(tokenRoute, visit, { recordThisVisit: "yes" })).status).toBe(422);
    await actAs(db(), seedEmails.ben);
    expect((await post(visitRecordingRoute, visit, { action: "stop" })).status).toBe(404);
    expect(ruleUpdates(world.fake, roomSid)).toEqual([]);
  });
});

describe("all-party consent, three participants (clinician, patient, interpreter), through Twilio", () => {
  it("an interpreter who has not consented stops it at once with the reason; it resumes only on the clinician's resume", async () => {
    const { visit, roomSid } = await recordingVisit();
    await actAs(db(), seedEmails.ada);
    await post(tokenRoute, visit, { recordThisVisit: true });
    const guest = await interpreter(visit);
    expect(ruleUpdates(world.fake, roomSid)).toEqual([exclude]);
    await actAs(db(), seedEmails.grey);
    expect(await state(visit)).toMatchObject({
      recording: false,
      offReason: "Recording is off: the interpreter has not consented",
    });
    expect((await post(resumeRoute, visit, { action: "resume" })).status).toBe(409);

    await interpreter(visit, true); // answers yes: still off until the clinician resumes
    expect(ruleUpdates(world.fake, roomSid)).toEqual([exclude]);
    expect(await (await post(resumeRoute, visit, { action: "resume" })).json()).toEqual({ ok: true, recording: true });
    expect(ruleUpdates(world.fake, roomSid)).toEqual([exclude, include]);

    await leaveParticipant(db(), visit, `guest-interpreter-${visit}`); // leaving changes nothing
    expect(ruleUpdates(world.fake, roomSid)).toEqual([exclude, include]);
    await interpreter(visit, false); // back, and declines
    expect(ruleUpdates(world.fake, roomSid)).toEqual([exclude, include, exclude]);
    await leaveParticipant(db(), visit, `guest-interpreter-${visit}`);
    // The decliner left: everyone present consented, so the clinician may resume.
    expect(await (await post(resumeRoute, visit, { action: "resume" })).json()).toEqual({ ok: true, recording: true });
    expect(await causes(visit)).toEqual([
      "start:include",
      "join:exclude",
      "resume:include",
      "decline:exclude",
      "resume:include",
    ]);
    expect(guest).toBeTruthy();
  });

  it("two who have not consented are both named", async () => {
    const { visit } = await recordingVisit();
    await actAs(db(), seedEmails.ada);
    await post(tokenRoute, visit, { recordThisVisit: false });
    await interpreter(visit);
    await actAs(db(), seedEmails.grey);
    expect(await state(visit)).toMatchObject({
      offReason: "Recording is off: Ada and the interpreter have not consented",
    });
  });
});

// First: it mocks next/headers before any route module loads it.
import { actAs } from "@/db/testing/request";
import { InngestTestEngine } from "@inngest/test";
import { and, desc, eq, inArray } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { POST as resumeRoute } from "@/app/api/sessions/[appointmentId]/recording/route";
import { POST as startRoute } from "@/app/api/sessions/[appointmentId]/room/route";
import { GET as stateRoute } from "@/app/api/sessions/[appointmentId]/state/route";
import { POST as visitRecordingRoute } from "@/app/api/visits/[appointmentId]/recording/route";
import { POST as tokenRoute } from "@/app/api/visits/[appointmentId]/token/route";
import { db } from "@/db/client";
import { appointments, eventOutbox, preferenceLedger, videoRuleChanges, videoSessions } from "@/db/schema";
import { seedEmails } from "@/db/seed";
import { enforceTranscriptionConsentFn } from "@/inngest/functions/video/enforce-transcription-consent";
import { leaveParticipant } from "./participants";
import { joinAndHoldRoom } from "./recording-rules";
import { liveSessionStatuses } from "./types";
import { sessionStateView } from "./visits";
import {
  createVisit,
  decideRecordingConsent,
  ruleUpdates,
  sessionRows,
  setUpVideoWorld,
  transcriptionUpdates,
} from "./video-test-setup";

const world = setUpVideoWorld();
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
const interpreter = (appointmentId: string, answers: { recordingConsent?: boolean; transcriptionConsent?: boolean }) =>
  joinAndHoldRoom(db(), {
    appointmentId,
    role: "interpreter",
    identity: `guest-interpreter-${appointmentId}`,
    displayName: "Iris",
    ...answers,
  });
/** Each rule change as cause:RT, R = recording on, T = transcription on after it ("-" where off). */
const changes = async (appointmentId: string) =>
  (
    await db()
      .select()
      .from(videoRuleChanges)
      .where(eq(videoRuleChanges.appointmentId, appointmentId))
      .orderBy(videoRuleChanges.id)
  ).map((r) => `${r.cause}:${r.recording ? "R" : "-"}${r.transcription ? "T" : "-"}`);

/** Ada's visit recording and transcribing: both her consents stored, the clinician ticked both boxes. */
async function transcribingVisit() {
  await decideRecordingConsent(world.ada, "give");
  await decideRecordingConsent(world.ada, "give", "transcriptionConsent");
  const visit = await createVisit(world.ada, world.grey);
  await actAs(db(), seedEmails.grey);
  const started = await post(startRoute, visit, { recordingConsent: true, transcriptionConsent: true });
  expect(await started.json()).toMatchObject({ recording: true, transcribing: true });
  const roomSid = (await sessionRows(visit))[0]!.roomSid!;
  expect(transcriptionUpdates(world.fake, roomSid)).toEqual(["started"]);
  expect(world.fake.transcribing(roomSid)).toBe(true);
  return { visit, roomSid };
}

beforeEach(() => {
  world.fake.requests.length = 0;
});

describe("transcription, two participants (clinician and patient), through Twilio", () => {
  it("the patient stops transcription: Twilio stops it, recording goes on; forged requests cannot restart it; the clinician resumes after her yes", async () => {
    const { visit, roomSid } = await transcribingVisit();
    await actAs(db(), seedEmails.ada);
    await post(tokenRoute, visit, { recordThisVisit: true, transcribeThisVisit: true });
    expect(transcriptionUpdates(world.fake, roomSid)).toEqual(["started"]);

    const stopped = await post(visitRecordingRoute, visit, { action: "stop-transcription" });
    expect(await stopped.json()).toMatchObject({ ok: true, recording: true, transcribing: false });
    expect(transcriptionUpdates(world.fake, roomSid)).toEqual(["started", "stopped"]);
    expect(world.fake.transcribing(roomSid)).toBe(false);
    expect(ruleUpdates(world.fake, roomSid)).toEqual([]); // recording is its own consent: untouched
    expect(await state(visit)).toMatchObject({
      recording: true,
      transcribing: false,
      transcriptionOffReason: "Transcription is off: Ada has not consented",
      transcriptionDeclinedForVisit: true,
      offReason: null,
    });

    // Forged: the patient cannot resume; the clinician's resume and a forged start body are refused while she declines.
    expect((await post(resumeRoute, visit, { action: "resume-transcription" })).status).toBe(403);
    await actAs(db(), seedEmails.grey);
    const refused = await post(resumeRoute, visit, { action: "resume-transcription" });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toEqual({ error: "Transcription is off: Ada has not consented." });
    const restarted = await post(startRoute, visit, { recordingConsent: true, transcriptionConsent: true });
    expect(await restarted.json()).toMatchObject({ recording: true, transcribing: false });
    expect(transcriptionUpdates(world.fake, roomSid)).toEqual(["started", "stopped"]);

    await actAs(db(), seedEmails.ada);
    await post(visitRecordingRoute, visit, { action: "transcribe" });
    expect(transcriptionUpdates(world.fake, roomSid)).toHaveLength(2); // her yes alone does not turn it on
    await actAs(db(), seedEmails.grey);
    expect(await (await post(resumeRoute, visit, { action: "resume-transcription" })).json()).toEqual({
      ok: true,
      transcribing: true,
    });
    expect(transcriptionUpdates(world.fake, roomSid)).toEqual(["started", "stopped", "started"]);
    expect(world.fake.transcribing(roomSid)).toBe(true);
    expect(await changes(visit)).toEqual(["start:RT", "stop:R-", "start:R-", "resume:RT"]);
  });

  it("off by default: the clinician's box unticked, or a patient without stored consent, and nothing reaches Twilio", async () => {
    await decideRecordingConsent(world.ada, "give", "transcriptionConsent");
    const unticked = await createVisit(world.ada, world.grey);
    await actAs(db(), seedEmails.grey);
    expect(await (await post(startRoute, unticked, { recordingConsent: true })).json()).toMatchObject({
      recording: true,
      transcribing: false,
    });
    expect(await state(unticked)).toMatchObject({
      transcribing: false,
      transcriptionOffReason: "Transcription is off: the clinician has not consented",
    });

    // Ben never gave transcription consent: his forged "yes" on joining and the clinician's box change nothing.
    const bens = await createVisit(world.ben, world.grey);
    expect(
      await (await post(startRoute, bens, { recordingConsent: true, transcriptionConsent: true })).json(),
    ).toMatchObject({ transcribing: false });
    await actAs(db(), seedEmails.ben);
    expect((await post(tokenRoute, bens, { transcribeThisVisit: true })).status).toBe(200);
    await actAs(db(), seedEmails.grey);
    const refused = await post(resumeRoute, bens, { action: "resume-transcription" });
    expect(await refused.json()).toEqual({ error: "Transcription is off: Ben has not consented." });
    expect(await state(bens)).toMatchObject({ transcribing: false, transcriptionConsent: false });
    // A guest is never told the patient's name, only that the patient has not consented.
    const [bensVisit] = await db().select().from(appointments).where(eq(appointments.id, bens));
    expect(await sessionStateView(db(), bensVisit!, undefined, "guest")).toMatchObject({
      offReason: "Recording is off: the patient has not consented",
      transcriptionOffReason: "Transcription is off: the patient has not consented",
    });
    const rooms = [...(await sessionRows(unticked)), ...(await sessionRows(bens))].map((s) => s.roomSid!);
    for (const roomSid of rooms) expect(transcriptionUpdates(world.fake, roomSid)).toEqual([]);
    // Bad input is a 422 that writes nothing.
    expect((await post(resumeRoute, bens, { action: "transcribe-everything" })).status).toBe(422);
    expect((await post(startRoute, bens, { transcriptionConsent: "yes" })).status).toBe(422);
    await actAs(db(), seedEmails.ben);
    expect((await post(tokenRoute, bens, { transcribeThisVisit: "yes" })).status).toBe(422);
    expect((await post(visitRecordingRoute, bens, { action: "transcribe-forever" })).status).toBe(422);
    expect(await changes(bens)).toEqual(["start:--"]);
  });

  it("a withdrawal in settings: the ledger row and its event; the Inngest function stops transcription, recording goes on", async () => {
    const { visit, roomSid } = await transcribingVisit();
    await decideRecordingConsent(world.ada, "withdraw", "transcriptionConsent");
    const [ledger] = await db()
      .select()
      .from(preferenceLedger)
      .where(and(eq(preferenceLedger.patientId, world.ada), eq(preferenceLedger.field, "transcriptionConsent")))
      .orderBy(desc(preferenceLedger.id))
      .limit(1);
    expect(ledger).toMatchObject({ oldValue: "true", newValue: "false", consentVersion: "transcription-2026-01" });
    const [event] = await db().select().from(eventOutbox).orderBy(desc(eventOutbox.createdAt)).limit(1);
    expect(event).toMatchObject({
      name: "portal/patient.transcription-consent-revoked",
      data: { patientId: world.ada, ledgerEntryId: ledger!.id },
    });
    // The pages say off at once, before the room is switched.
    await actAs(db(), seedEmails.grey);
    expect(await state(visit)).toMatchObject({ recording: true, transcribing: false, transcriptionConsent: false });

    const run = () =>
      new InngestTestEngine({
        function: enforceTranscriptionConsentFn,
        events: [{ name: "portal/patient.transcription-consent-revoked", data: event!.data }],
      }).execute();
    // Every live room of hers that transcribes stops: this one, and any an earlier test left transcribing.
    const transcribingRooms = await db()
      .select({ id: videoSessions.id })
      .from(videoSessions)
      .innerJoin(appointments, eq(appointments.id, videoSessions.appointmentId))
      .where(
        and(
          eq(appointments.patientId, world.ada),
          eq(videoSessions.transcribing, true),
          inArray(videoSessions.status, liveSessionStatuses),
        ),
      );
    expect(transcribingRooms.length).toBeGreaterThanOrEqual(1);
    expect((await run()).result).toEqual({ stopped: transcribingRooms.length, ended: 0, failed: 0 });
    expect(transcriptionUpdates(world.fake, roomSid)).toEqual(["started", "stopped"]);
    expect(ruleUpdates(world.fake, roomSid)).toEqual([]);
    expect((await sessionRows(visit))[0]).toMatchObject({ recording: true, transcribing: false, guardAction: null });
    expect((await run()).result).toEqual({ stopped: 0, ended: 0, failed: 0 }); // a replay changes nothing
    expect(await changes(visit)).toEqual(["start:RT", "withdraw:R-"]);
    expect((await post(resumeRoute, visit, { action: "resume-transcription" })).status).toBe(409);
  });
});

describe("transcription, three participants (clinician, patient, interpreter), through Twilio", () => {
  it("an interpreter who has not answered stops transcription alone; only the clinician's resume restarts it; a double no stops both", async () => {
    const { visit, roomSid } = await transcribingVisit();
    await actAs(db(), seedEmails.ada);
    await post(tokenRoute, visit, { recordThisVisit: true, transcribeThisVisit: true });
    await interpreter(visit, { recordingConsent: true });
    expect(transcriptionUpdates(world.fake, roomSid)).toEqual(["started", "stopped"]);
    expect(ruleUpdates(world.fake, roomSid)).toEqual([]);
    await actAs(db(), seedEmails.grey);
    expect(await state(visit)).toMatchObject({
      recording: true,
      transcribing: false,
      transcriptionOffReason: "Transcription is off: the interpreter has not consented",
    });
    expect((await post(resumeRoute, visit, { action: "resume-transcription" })).status).toBe(409);

    await interpreter(visit, { transcriptionConsent: true }); // answers yes: still off until the clinician resumes
    expect(transcriptionUpdates(world.fake, roomSid)).toHaveLength(2);
    expect((await post(resumeRoute, visit, { action: "resume-transcription" })).status).toBe(200);
    expect(transcriptionUpdates(world.fake, roomSid)).toEqual(["started", "stopped", "started"]);

    await interpreter(visit, { transcriptionConsent: false }); // declines transcription only
    expect(transcriptionUpdates(world.fake, roomSid)).toHaveLength(4);
    await leaveParticipant(db(), visit, `guest-interpreter-${visit}`); // leaving changes nothing
    expect(transcriptionUpdates(world.fake, roomSid)).toHaveLength(4);
    expect((await post(resumeRoute, visit, { action: "resume-transcription" })).status).toBe(200);

    // Back, declining both: one change switches both off.
    await interpreter(visit, { recordingConsent: false, transcriptionConsent: false });
    expect(ruleUpdates(world.fake, roomSid)).toEqual([[{ type: "exclude", all: true }]]);
    expect(transcriptionUpdates(world.fake, roomSid)).toEqual([
      "started",
      "stopped",
      "started",
      "stopped",
      "started",
      "stopped",
    ]);
    expect(await state(visit)).toMatchObject({
      recording: false,
      transcribing: false,
      offReason: "Recording is off: the interpreter has not consented",
      transcriptionOffReason: "Transcription is off: the interpreter has not consented",
    });
    expect(await changes(visit)).toEqual(["start:RT", "join:R-", "resume:RT", "decline:R-", "resume:RT", "decline:--"]);
  });
});

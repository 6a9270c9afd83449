// First: it mocks next/headers before any route module loads it.
import { actAs } from "@/db/testing/request";
import { InngestTestEngine } from "@inngest/test";
import { and, eq } from "drizzle-orm";
import twilio from "twilio";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as startRoom } from "@/app/api/sessions/[appointmentId]/room/route";
import { GET as sessionState } from "@/app/api/sessions/[appointmentId]/state/route";
import { POST as visitToken } from "@/app/api/visits/[appointmentId]/token/route";
import { POST as roomStatus } from "@/app/api/video/status/route";
import { db } from "@/db/client";
import { appointments, patientProfiles, users, videoSessionEvents, videoSessions } from "@/db/schema";
import { seed, seedEmails } from "@/db/seed";
import { startTwilioFake } from "@/testing/fakes/twilio-fake";
import { enforceRecordingConsentFn } from "@/inngest/functions/video/enforce-recording-consent";

let fake: Awaited<ReturnType<typeof startTwilioFake>>;
const ids = { ada: "", ben: "", adaVisit: "", benVisit: "" };
const context = (appointmentId: string) => ({ params: Promise.resolve({ appointmentId }) });
const start = (appointmentId: string) =>
  startRoom(new Request("http://localhost/x", { method: "POST" }), context(appointmentId) as never);
const roomCreates = () => fake.requests.filter((r) => r.method === "POST" && r.path === "/video/v1/Rooms");
const ruleUpdates = () =>
  fake.requests
    .filter((r) => r.path.endsWith("/RecordingRules"))
    .map((r) => JSON.parse((r.parsed as { Rules: string }).Rules));
const setConsent = (patientId: string, recordingConsent: boolean) =>
  db().update(patientProfiles).set({ recordingConsent }).where(eq(patientProfiles.userId, patientId));

beforeAll(async () => {
  await seed(db());
  for (const who of ["ada", "ben"] as const) {
    ids[who] = (await db().select({ id: users.id }).from(users).where(eq(users.email, seedEmails[who])))[0]!.id;
    const [visit] = await db()
      .select({ id: appointments.id })
      .from(appointments)
      .where(
        and(
          eq(appointments.patientId, ids[who]),
          eq(appointments.modality, "telehealth"),
          eq(appointments.status, "scheduled"),
        ),
      )
      .orderBy(appointments.startsAt)
      .limit(1);
    ids[`${who}Visit`] = visit!.id;
    // Sessions start from 30 minutes ahead: the seeded visit (Ben's is tomorrow) starts in 5 minutes here.
    await db()
      .update(appointments)
      .set({ startsAt: new Date(Date.now() + 5 * 60_000) })
      .where(eq(appointments.id, visit!.id));
  }
  fake = await startTwilioFake();
  for (const [name, value] of Object.entries({
    TWILIO_API_BASE_URL: fake.url,
    TWILIO_ACCOUNT_SID: "AC00000000000000000000000000000001",
    TWILIO_AUTH_TOKEN: "twilio-token",
    TWILIO_API_KEY_SID: "SK00000000000000000000000000000001",
    TWILIO_API_KEY_SECRET: "api-key-secret",
    AUTH_URL: "https://portal.clinic.example",
  })) {
    vi.stubEnv(name, value);
  }
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await fake.close();
});
beforeEach(() => {
  fake.requests.length = 0;
});

describe("video sessions", () => {
  it("with stored consent the room is created recording (explicitly true), with a token for that room only", async () => {
    await actAs(db(), seedEmails.grey);
    const response = await start(ids.adaVisit);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      mode: "twilio",
      recording: true,
      reason: "consent_given",
      roomName: `appointment-${ids.adaVisit}`,
    });
    expect(roomCreates()[0]?.parsed).toMatchObject({
      UniqueName: `appointment-${ids.adaVisit}`,
      Type: "group",
      RecordParticipantsOnConnect: "true",
      StatusCallback: "https://portal.clinic.example/api/video/status",
      MaxParticipants: "4",
    });
    const grant = JSON.parse(Buffer.from(body.token.split(".")[1], "base64url").toString()).grants;
    expect(grant).toEqual({
      identity: expect.stringMatching(/^clinician-/),
      video: { room: `appointment-${ids.adaVisit}` },
    });
    const [session] = await db().select().from(videoSessions).where(eq(videoSessions.appointmentId, ids.adaVisit));
    expect(session).toMatchObject({
      recording: true,
      recordingReason: "consent_given",
      consentLedgerId: expect.any(Number),
      status: "in-progress",
    });
  });

  it("without consent the room is created with recording explicitly false", async () => {
    await actAs(db(), seedEmails.grey);
    const body = await (await start(ids.benVisit)).json();
    expect(body).toMatchObject({ recording: false, reason: "no_consent" });
    expect(roomCreates()[0]?.parsed).toMatchObject({ RecordParticipantsOnConnect: "false" });
  });

  it("rejoining an existing room reconciles its recording rules with the consent stored now, both ways", async () => {
    await actAs(db(), seedEmails.grey);
    await setConsent(ids.ada, false);
    expect(await (await start(ids.adaVisit)).json()).toMatchObject({ recording: false });
    await setConsent(ids.ben, true);
    expect(await (await start(ids.benVisit)).json()).toMatchObject({ recording: true });
    expect(ruleUpdates()).toEqual([[{ type: "exclude", all: true }], [{ type: "include", all: true }]]);
    await setConsent(ids.ada, true);
    await setConsent(ids.ben, false);
  });

  it("only the appointment's own clinician may start it", async () => {
    for (const who of [seedEmails.shepherd, seedEmails.ada, seedEmails.admin, null]) {
      await actAs(db(), who);
      expect((await start(ids.adaVisit)).status).toBe(who === null ? 401 : who === seedEmails.shepherd ? 404 : 403);
    }
    expect(roomCreates()).toHaveLength(0);
  });

  it("the patient's token route joins the open room but never creates one or changes recording", async () => {
    await actAs(db(), seedEmails.grey);
    expect(await (await start(ids.adaVisit)).json()).toMatchObject({ recording: true });
    fake.requests.length = 0;
    await actAs(db(), seedEmails.ada);
    const response = await visitToken(
      new Request("http://localhost/x", { method: "POST" }),
      context(ids.adaVisit) as never,
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ mode: "twilio", recording: true, token: expect.any(String) });
    await actAs(db(), seedEmails.ben);
    expect(
      (await visitToken(new Request("http://localhost/x", { method: "POST" }), context(ids.adaVisit) as never)).status,
    ).toBe(404);
    expect(fake.requests).toHaveLength(0);
  });

  it("withdrawing consent switches the live room to exclude-all, and the state the pages poll turns off", async () => {
    await setConsent(ids.ada, false);
    const { result } = await new InngestTestEngine({
      function: enforceRecordingConsentFn,
      events: [{ name: "portal/patient.recording-consent-revoked", data: { patientId: ids.ada, ledgerEntryId: 1 } }],
    }).execute();
    expect(result).toEqual({ stopped: 1, ended: 0, failed: 0 });
    expect(ruleUpdates()).toEqual([[{ type: "exclude", all: true }]]);
    await actAs(db(), seedEmails.grey);
    const state = await (await sessionState(new Request("http://localhost/x"), context(ids.adaVisit) as never)).json();
    expect(state).toMatchObject({ started: true, recording: false, consent: false, reason: "consent_withdrawn" });
    await setConsent(ids.ada, true);
  });

  it("status callbacks: a bad signature is refused; an unconsented recording is stopped, then deleted", async () => {
    const [session] = await db()
      .select()
      .from(videoSessions)
      .where(eq(videoSessions.appointmentId, ids.benVisit))
      .limit(1);
    const callback = (params: Record<string, string>, signature?: string) =>
      roomStatus(
        new Request("http://127.0.0.1:3000/api/video/status", {
          method: "POST",
          headers: {
            "content-type": "application/x-www-form-urlencoded",
            "x-twilio-signature":
              signature ??
              twilio.getExpectedTwilioSignature(
                "twilio-token",
                "https://portal.clinic.example/api/video/status",
                params,
              ),
          },
          body: new URLSearchParams(params).toString(),
        }),
      );
    const started = { RoomSid: session!.roomSid!, StatusCallbackEvent: "recording-started", RecordingSid: "RT1" };
    expect((await callback(started, "Zm9yZ2Vk")).status).toBe(403);
    expect(await db().select().from(videoSessionEvents)).toHaveLength(0);

    expect(await (await callback(started)).json()).toEqual({ ok: true, action: "recording_stopped" });
    expect(ruleUpdates()).toEqual([[{ type: "exclude", all: true }]]);
    expect(await (await callback({ ...started, StatusCallbackEvent: "recording-completed" })).json()).toEqual({
      ok: true,
      action: "recording_deleted",
    });
    expect(fake.requests.filter((r) => r.method === "DELETE").map((r) => r.path)).toEqual(["/video/v1/Recordings/RT1"]);
    const events = await db().select({ event: videoSessionEvents.event }).from(videoSessionEvents);
    expect(events.map((e) => e.event)).toEqual(["recording-started", "recording-completed"]);
  });
});

// First: it mocks next/headers before any route module loads it.
import { actAs, withCookie } from "@/db/testing/request";
import { createHash, randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { POST as guestJoinRoute } from "@/app/api/guest/[appointmentId]/join/route";
import { POST as guestLeaveRoute } from "@/app/api/guest/[appointmentId]/leave/route";
import { GET as guestStateRoute } from "@/app/api/guest/[appointmentId]/state/route";
import { POST as endRoute } from "@/app/api/sessions/[appointmentId]/end/route";
import { POST as clinicianLeaveRoute } from "@/app/api/sessions/[appointmentId]/leave/route";
import { POST as resumeRoute } from "@/app/api/sessions/[appointmentId]/recording/route";
import { POST as startRoute } from "@/app/api/sessions/[appointmentId]/room/route";
import { GET as stateRoute } from "@/app/api/sessions/[appointmentId]/state/route";
import { POST as patientLeaveRoute } from "@/app/api/visits/[appointmentId]/leave/route";
import { POST as tokenRoute } from "@/app/api/visits/[appointmentId]/token/route";
import { db } from "@/db/client";
import { videoGuestInvites, videoParticipants, videoRuleChanges } from "@/db/schema";
import { seedEmails } from "@/db/seed";
import { appointments } from "@/db/schema";
import { GUEST_COOKIE, redeemInvite, suggestedRole } from "./guests";
import { startVideoSession } from "./sessions";
import {
  createVisit,
  decideRecordingConsent,
  roomCallback,
  ruleUpdates,
  sessionRows,
  setUpVideoWorld,
} from "./video-test-setup";

const world = setUpVideoWorld();
const include = [{ type: "include", all: true }];
const exclude = [{ type: "exclude", all: true }];
type Route = (request: Request, context: never) => Promise<Response>;
const call = (route: Route, id: string, body?: unknown) =>
  route(
    new Request("http://localhost/x", { method: "POST", body: body === undefined ? undefined : JSON.stringify(body) }),
    { params: Promise.resolve({ appointmentId: id }) } as never,
  );
const causes = async (appointmentId: string) =>
  (
    await db()
      .select({ recording: videoRuleChanges.recording, cause: videoRuleChanges.cause })
      .from(videoRuleChanges)
      .where(eq(videoRuleChanges.appointmentId, appointmentId))
      .orderBy(videoRuleChanges.id)
  ).map((r) => `${r.cause}:${r.recording ? "include" : "exclude"}`);
const present = async (appointmentId: string) =>
  (
    await db()
      .select({ role: videoParticipants.role, present: videoParticipants.present })
      .from(videoParticipants)
      .where(eq(videoParticipants.appointmentId, appointmentId))
      .orderBy(videoParticipants.createdAt)
  ).map((p) => `${p.role}:${p.present ? "in" : "out"}`);
/** Requests to end a room that reached Twilio. */
const roomEnds = (roomSid: string) =>
  world.fake.requests
    .filter((r) => r.method === "POST" && r.path === `/video/v1/Rooms/${roomSid}`)
    .map((r) => (r.parsed as { Status: string }).Status);

/** A recording room of Ada's with Ada in it: the clinician started it consenting, with her stored consent. */
async function recordingVisit() {
  await decideRecordingConsent(world.ada, "give");
  const visit = await createVisit(world.ada, world.grey);
  await actAs(db(), seedEmails.grey);
  expect(await (await call(startRoute, visit, { recordingConsent: true })).json()).toMatchObject({ recording: true });
  await actAs(db(), seedEmails.ada);
  expect(await (await call(tokenRoute, visit, { recordThisVisit: true })).json()).toMatchObject({ recording: true });
  return { visit, roomSid: (await sessionRows(visit))[0]!.roomSid! };
}

/** A guest link for the visit, as the clinician's invitation would carry it (only its hash is stored). */
async function inviteLink(appointmentId: string, role: "companion" | "interpreter") {
  const token = randomBytes(32).toString("base64url");
  const [invite] = await db()
    .insert(videoGuestInvites)
    .values({
      appointmentId,
      role,
      channel: "email",
      tokenHash: createHash("sha256").update(token).digest("hex"),
      expiresAt: new Date(Date.now() + 3_600_000),
      createdBy: world.grey,
    })
    .returning({ id: videoGuestInvites.id });
  return { token, inviteId: invite!.id };
}

/** The guest opens the link and answers; their session cookie is what their browser then sends. */
async function guestJoins(
  appointmentId: string,
  answer: { recordingConsent: boolean; role?: "companion" | "interpreter" },
) {
  const link = await inviteLink(appointmentId, "interpreter");
  const redeemed = await redeemInvite(db(), appointmentId, link.token, { displayName: "Gil", ...answer });
  if (!redeemed.ok) throw new Error(redeemed.message);
  return { ...link, cookie: redeemed.sessionToken };
}

const stateAs = async (email: string, appointmentId: string) => {
  await actAs(db(), email);
  return (
    await stateRoute(new Request("http://localhost/x"), { params: Promise.resolve({ appointmentId }) } as never)
  ).json();
};

beforeEach(() => {
  world.fake.requests.length = 0;
});

describe("leaving, two participants (clinician and patient), through Twilio", () => {
  it("the clinician or the patient leaving sends no rules; a leave after her 'Not this time' does not resume", async () => {
    const { visit, roomSid } = await recordingVisit();
    await actAs(db(), seedEmails.grey);
    expect(await (await call(clinicianLeaveRoute, visit)).json()).toEqual({ ok: true });
    expect(await present(visit)).toEqual(["clinician:out", "patient:in"]);
    expect(ruleUpdates(world.fake, roomSid)).toEqual([]);

    await actAs(db(), seedEmails.grey);
    await call(startRoute, visit, { recordingConsent: true }); // back in (a rejoin)
    await actAs(db(), seedEmails.ada);
    await call(tokenRoute, visit, { recordThisVisit: false });
    expect(ruleUpdates(world.fake, roomSid)).toEqual([include, exclude]);
    expect(await (await call(patientLeaveRoute, visit)).json()).toEqual({ ok: true });
    expect(await present(visit)).toEqual(["clinician:in", "patient:out"]);
    // Her leaving turns nothing on, and her "Not this time" still holds for this visit: the resume is refused.
    expect(ruleUpdates(world.fake, roomSid)).toEqual([include, exclude]);
    await actAs(db(), seedEmails.grey);
    expect((await call(resumeRoute, visit, { action: "resume" })).status).toBe(409);
    expect(await causes(visit)).toEqual(["start:include", "start:include", "decline:exclude"]);
  });
});

describe("leaving, three participants (clinician, patient, guest), through Twilio", () => {
  it("a guest who declined leaves: recording stays off (a leave never resumes); then the clinician's resume succeeds", async () => {
    const { visit, roomSid } = await recordingVisit();
    const guest = await guestJoins(visit, { recordingConsent: false });
    expect(ruleUpdates(world.fake, roomSid)).toEqual([exclude]);

    withCookie(GUEST_COOKIE, guest.cookie);
    expect(await (await call(guestLeaveRoute, visit)).json()).toEqual({ ok: true });
    expect(await present(visit)).toEqual(["clinician:in", "patient:in", "interpreter:out"]);
    expect(ruleUpdates(world.fake, roomSid)).toEqual([exclude]);
    expect(await stateAs(seedEmails.ada, visit)).toMatchObject({ recording: false, offReason: null, phase: "open" });

    await actAs(db(), seedEmails.grey);
    expect(await (await call(resumeRoute, visit, { action: "resume" })).json()).toEqual({ ok: true, recording: true });
    expect(ruleUpdates(world.fake, roomSid)).toEqual([exclude, include]);
    expect(await causes(visit)).toEqual(["start:include", "decline:exclude", "resume:include"]);
  });

  it("Twilio's participant-disconnected is the same leave: the decliner is gone and the clinician may resume", async () => {
    const { visit, roomSid } = await recordingVisit();
    const guest = await guestJoins(visit, { recordingConsent: false });
    const disconnected = {
      RoomSid: roomSid,
      StatusCallbackEvent: "participant-disconnected",
      ParticipantSid: "PA00000000000000000000000000000009",
      ParticipantIdentity: `guest-${guest.inviteId}`,
      SequenceNumber: "7",
    };
    expect(await roomCallback(disconnected)).toEqual({ status: 200, action: null });
    expect(await present(visit)).toEqual(["clinician:in", "patient:in", "interpreter:out"]);
    expect(ruleUpdates(world.fake, roomSid)).toEqual([exclude]);
    await actAs(db(), seedEmails.grey);
    expect(await (await call(resumeRoute, visit, { action: "resume" })).json()).toEqual({ ok: true, recording: true });
  });
});

describe("end for everyone, through Twilio", () => {
  it("completes the room, ends the session, marks everyone left, logs the end; every side then sees it ended", async () => {
    const { visit, roomSid } = await recordingVisit();
    const guest = await guestJoins(visit, { recordingConsent: true });
    await actAs(db(), seedEmails.grey);
    expect(await (await call(endRoute, visit)).json()).toEqual({ ok: true });

    expect(roomEnds(roomSid)).toEqual(["completed"]);
    const [session] = await sessionRows(visit);
    expect(session).toMatchObject({ status: "ended" });
    expect(session!.endedAt).toBeInstanceOf(Date);
    expect(await present(visit)).toEqual(["clinician:out", "patient:out", "interpreter:out"]);
    expect(await causes(visit)).toEqual(["start:include", "end:exclude"]);

    expect(await stateAs(seedEmails.grey, visit)).toMatchObject({ phase: "ended", started: true });
    expect(await stateAs(seedEmails.ada, visit)).toMatchObject({ phase: "ended" });
    withCookie(GUEST_COOKIE, guest.cookie);
    const guestView = await guestStateRoute(new Request("http://localhost/x"), {
      params: Promise.resolve({ appointmentId: visit }),
    } as never);
    expect(await guestView.json()).toMatchObject({ phase: "ended", recording: false });
    // The patient cannot get back into the ended room, and a second end finds nothing to end.
    await actAs(db(), seedEmails.ada);
    const rejoin = await call(tokenRoute, visit, {});
    expect(rejoin.status).toBe(409);
    expect(await rejoin.json()).toEqual({ error: "This visit has ended." });
    await actAs(db(), seedEmails.grey);
    expect((await call(endRoute, visit)).status).toBe(409);
    expect(roomEnds(roomSid)).toEqual(["completed"]);
  });

  it("forged requests are refused and change nothing: the patient, a guest of another visit, another clinician", async () => {
    const { visit, roomSid } = await recordingVisit();
    const other = await recordingVisit();
    const otherGuest = await guestJoins(other.visit, { recordingConsent: true });
    world.fake.requests.length = 0;
    const before = { causes: await causes(visit), present: await present(visit) };

    await actAs(db(), seedEmails.ada);
    expect((await call(endRoute, visit)).status).toBe(403);
    withCookie(GUEST_COOKIE, otherGuest.cookie);
    const guestLeave = await call(guestLeaveRoute, visit);
    expect(guestLeave.status).toBe(403);
    expect(await guestLeave.json()).toEqual({ error: "This link is not valid for this visit." });
    expect((await call(endRoute, visit)).status).toBe(401);
    await actAs(db(), seedEmails.shepherd);
    for (const route of [endRoute, clinicianLeaveRoute]) {
      const refused = await call(route, visit);
      expect(refused.status).toBe(404);
      expect(await refused.json()).toEqual({ error: "Not found." });
    }
    expect((await call(endRoute, "not-an-id")).status).toBe(404);
    await actAs(db(), seedEmails.ben);
    expect((await call(patientLeaveRoute, visit)).status).toBe(404);

    expect(world.fake.requests).toEqual([]);
    expect((await sessionRows(visit))[0]).toMatchObject({ status: "in-progress", recording: true });
    expect({ causes: await causes(visit), present: await present(visit) }).toEqual(before);
    expect(roomEnds(roomSid)).toEqual([]);
  });
});

describe("guests choose their role and get a token for this room only", () => {
  it("the invite's role is a suggestion: the guest's choice is the role the banner names", async () => {
    const { visit } = await recordingVisit();
    const link = await inviteLink(visit, "interpreter");
    expect(await suggestedRole(db(), visit, link.token)).toBe("interpreter");
    expect(await suggestedRole(db(), other(visit), link.token)).toBeNull();
    await actAs(db(), null);
    const joined = await call(guestJoinRoute, visit, {
      token: link.token,
      displayName: "Gil",
      role: "companion",
      recordingConsent: false,
    });
    expect(joined.status).toBe(200);
    expect(await suggestedRole(db(), visit, link.token)).toBeNull(); // used
    expect(await present(visit)).toEqual(["clinician:in", "patient:in", "companion:in"]);
    expect(await stateAs(seedEmails.grey, visit)).toMatchObject({
      offReason: "Recording is off: the companion has not consented",
    });
    const bad = await call(guestJoinRoute, visit, {
      token: (await inviteLink(visit, "companion")).token,
      displayName: "Gil",
      role: "doctor",
      recordingConsent: true,
    });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toEqual({ error: "Choose companion or interpreter." });
  });

  it("with the Twilio room in progress the join returns a token for that room, as guest-<inviteId>", async () => {
    const { visit } = await recordingVisit();
    const link = await inviteLink(visit, "companion");
    await actAs(db(), null);
    const joined = await call(guestJoinRoute, visit, { token: link.token, displayName: "Gil", recordingConsent: true });
    const body = (await joined.json()) as { ok: boolean; mode: string; token: string };
    expect(body).toMatchObject({ ok: true, mode: "twilio" });
    const [, payload] = body.token.split(".");
    const claims = JSON.parse(Buffer.from(payload!, "base64url").toString()) as {
      iss: string;
      grants: { identity: string; video: { room: string } };
      exp: number;
      iat: number;
    };
    expect(claims.grants).toEqual({ identity: `guest-${link.inviteId}`, video: { room: `appointment-${visit}` } });
    expect(claims.iss).toBe("SK00000000000000000000000000000001");
    expect(claims.exp - claims.iat).toBeLessThanOrEqual(3600);
    // The guest's session cookie is never in the body.
    expect(Object.keys(body).sort()).toEqual(["mode", "ok", "token"]);
  });
});

describe("the start window: from VIDEO_START_MINUTES_BEFORE (30) before the start until the booked end", () => {
  // Dr. Grey reads times in London: 10:00 UTC on a January Monday is 10:00 GMT.
  const startsAt = new Date("2026-01-12T10:00:00Z");
  const at = (iso: string) => new Date(iso);
  async function visitAtTen() {
    const [visit] = await db()
      .insert(appointments)
      .values({ patientId: world.ben, clinicianId: world.grey, startsAt, durationMinutes: 45, modality: "telehealth" })
      .returning({ id: appointments.id });
    return visit!.id;
  }

  it("a minute early is refused naming the local time it opens, and opens no room; at 09:30 it starts", async () => {
    const visit = await visitAtTen();
    expect(await startVideoSession(db(), world.grey, visit, {}, at("2026-01-12T09:29:59.999Z"))).toEqual({
      ok: false,
      status: 425,
      message: "You can start this session from 09:30 GMT.",
    });
    expect(world.fake.requests).toEqual([]);
    expect(await sessionRows(visit)).toEqual([]);
    expect(await startVideoSession(db(), world.grey, visit, {}, at("2026-01-12T09:30:00Z"))).toMatchObject({
      ok: true,
      mode: "twilio",
    });
  });

  it("a rejoin at the booked end is allowed; a millisecond later it is refused as ended", async () => {
    const visit = await visitAtTen();
    expect(await startVideoSession(db(), world.grey, visit, {}, at("2026-01-12T10:00:00Z"))).toMatchObject({
      ok: true,
    });
    expect(await startVideoSession(db(), world.grey, visit, {}, at("2026-01-12T10:45:00Z"))).toMatchObject({
      ok: true,
    });
    world.fake.requests.length = 0;
    expect(await startVideoSession(db(), world.grey, visit, {}, at("2026-01-12T10:45:00.001Z"))).toEqual({
      ok: false,
      status: 409,
      message: "This visit has ended.",
    });
    expect(world.fake.requests).toEqual([]);
  });

  it("through the route: a visit tomorrow is a 425 with the message, not a room", async () => {
    const [visit] = await db()
      .insert(appointments)
      .values({
        patientId: world.ben,
        clinicianId: world.grey,
        startsAt: new Date(Date.now() + 24 * 3_600_000),
        modality: "telehealth",
      })
      .returning({ id: appointments.id });
    await actAs(db(), seedEmails.grey);
    const early = await call(startRoute, visit!.id, {});
    expect(early.status).toBe(425);
    expect(await early.json()).toEqual({
      error: expect.stringMatching(/^You can start this session from \d\d:\d\d \S+\.$/),
    });
    expect(await sessionRows(visit!.id)).toEqual([]);
  });
});

/** An id no visit has. */
const other = (id: string) => `${id.slice(0, -1)}${id.endsWith("0") ? "1" : "0"}`;

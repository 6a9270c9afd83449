// Test support for lib/video's test files (not a test itself): seeded people, the Twilio fake, signed room callbacks.
import { and, eq, inArray } from "drizzle-orm";
import twilio from "twilio";
import { afterAll, beforeAll, vi } from "vitest";
import { POST as roomStatus } from "@/app/api/video/status/route";
import { db } from "@/db/client";
import { appointments, patientProfiles, users, videoSessions } from "@/db/schema";
import { seed, seedEmails } from "@/db/seed";
import { currentConsentText } from "@/lib/patients/consent-versions";
import { decideConsent } from "@/lib/patients/preferences";
import { startTwilioFake } from "@/testing/fakes/twilio-fake";
import { liveSessionStatuses } from "./types";

type TwilioFake = Awaited<ReturnType<typeof startTwilioFake>>;
export type VideoTestWorld = { fake: TwilioFake; ada: string; ben: string; grey: string };

const APP_URL = "https://portal.clinic.example";
const AUTH_TOKEN = "twilio-token";

/** Seeds the demo people and points the real twilio SDK at a loopback fake for this test file. */
export function setUpVideoWorld(): VideoTestWorld {
  const world = {} as VideoTestWorld;
  beforeAll(async () => {
    await seed(db());
    for (const who of ["ada", "ben", "grey"] as const) {
      world[who] = (await db().select({ id: users.id }).from(users).where(eq(users.email, seedEmails[who])))[0]!.id;
    }
    world.fake = await startTwilioFake();
    for (const [name, value] of Object.entries({
      TWILIO_API_BASE_URL: world.fake.url,
      TWILIO_ACCOUNT_SID: "AC00000000000000000000000000000001",
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_API_KEY_SID: "SK00000000000000000000000000000001",
      TWILIO_API_KEY_SECRET: "api-key-secret",
      AUTH_URL: APP_URL,
    })) {
      vi.stubEnv(name, value);
    }
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await world.fake?.close();
  });
  return world;
}

/** A telehealth visit of the test's own, so no test shares a room with another. */
export async function createVisit(patientId: string, clinicianId: string): Promise<string> {
  const [visit] = await db()
    .insert(appointments)
    .values({ patientId, clinicianId, startsAt: new Date(Date.now() + 5 * 60_000), modality: "telehealth" })
    .returning({ id: appointments.id });
  return visit!.id;
}

/** The patient gives or withdraws a consent the way the settings page does (ledger row and outbox event). */
export async function decideRecordingConsent(
  patientId: string,
  decision: "give" | "withdraw",
  consent: "recordingConsent" | "transcriptionConsent" = "recordingConsent",
) {
  const [profile] = await db()
    .select({ firstName: patientProfiles.firstName, lastName: patientProfiles.lastName })
    .from(patientProfiles)
    .where(eq(patientProfiles.userId, patientId));
  const { version } = await currentConsentText(db(), consent);
  const result = await decideConsent(
    { db: db(), patientId, actor: { kind: "patient", userId: patientId } },
    {
      consent,
      decision,
      version,
      confirm: true,
      signedName: `${profile!.firstName} ${profile!.lastName}`,
    },
  );
  if (!result.ok) throw new Error("consent decision refused");
}

/** Twilio's room status callback, signed as Twilio signs it, through the route handler. */
export async function roomCallback(params: Record<string, string>): Promise<{ status: number; action: unknown }> {
  const url = `${APP_URL}/api/video/status`;
  const response = await roomStatus(
    new Request("http://127.0.0.1:3000/api/video/status", {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-twilio-signature": twilio.getExpectedTwilioSignature(AUTH_TOKEN, url, params),
      },
      body: new URLSearchParams(params).toString(),
    }),
  );
  return {
    status: response.status,
    action: response.ok ? ((await response.json()) as { action: unknown }).action : null,
  };
}

export const sessionRows = (appointmentId: string) =>
  db()
    .select()
    .from(videoSessions)
    .where(eq(videoSessions.appointmentId, appointmentId))
    .orderBy(videoSessions.createdAt);

export const liveSessionRows = (appointmentId: string) =>
  db()
    .select()
    .from(videoSessions)
    .where(and(eq(videoSessions.appointmentId, appointmentId), inArray(videoSessions.status, liveSessionStatuses)));

/** The recording-rules updates that reached Twilio, per room. */
export const ruleUpdates = (fake: TwilioFake, roomSid?: string) =>
  fake.requests
    .filter(
      (request) =>
        request.method === "POST" &&
        request.path.endsWith("/RecordingRules") &&
        (!roomSid || request.path.includes(roomSid)),
    )
    .map((request) => JSON.parse((request.parsed as { Rules: string }).Rules) as unknown);

/** The transcription changes that reached Twilio for a room, in order: "started" (a create or restart) or "stopped". */
export const transcriptionUpdates = (fake: TwilioFake, roomSid: string) =>
  fake.requests
    .filter(
      (request) => request.method === "POST" && request.path.startsWith(`/video/v1/Rooms/${roomSid}/Transcriptions`),
    )
    .map((request) => (request.parsed as { Status?: string } | undefined)?.Status ?? "started");

/** How many DELETEs of each recording reached Twilio. */
export function recordingDeletes(fake: TwilioFake): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const request of fake.requests.filter(
    (r) => r.method === "DELETE" && r.path.startsWith("/video/v1/Recordings/"),
  )) {
    const sid = request.path.split("/").pop()!;
    counts[sid] = (counts[sid] ?? 0) + 1;
  }
  return counts;
}

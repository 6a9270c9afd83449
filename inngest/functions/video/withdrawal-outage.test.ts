import "@/db/testing/request";
import { InngestTestEngine } from "@inngest/test";
import { eq, isNull } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { GET as sessionState } from "@/app/api/sessions/[appointmentId]/state/route";
import { updateConsentAction } from "@/app/settings/actions/update-consent";
import { db } from "@/db/client";
import { RECORDING_CONSENT_VERSION } from "@/db/seed";
import { eventOutbox, patientProfiles, videoSessions } from "@/db/schema";
import { actAs, form, runAfterResponse } from "@/db/testing/request";
import { outboxHealth } from "@/lib/events/outbox";
import { startVideoSession } from "@/lib/video/sessions";
import { receivedEvents } from "@/testing/fakes/inngest-fake";
import { createAppointment, createClinician, createPatient, resetFakes, setUpFakes } from "@/testing/fixtures";
import { relayOutboxFn } from "../outbox/relay";
import { enforceRecordingConsentFn } from "./enforce-recording-consent";

// Twilio Video configured (not the local preview), so rooms and their recording rules go to the Twilio fake.
const fakes = setUpFakes({
  TWILIO_API_KEY_SID: "SK00000000000000000000000000000001",
  TWILIO_API_KEY_SECRET: "api-key-secret",
});
beforeEach(() => resetFakes(fakes));

const ruleUpdates = () =>
  fakes.twilio.requests
    .filter((r) => r.path.endsWith("/RecordingRules"))
    .map((r) => JSON.parse((r.parsed as { Rules: string }).Rules) as unknown);

/** A patient who consented to recording, in a live recording room their clinician started. */
async function liveRecordedVisit() {
  const patient = await createPatient(db(), {
    recordingConsent: true,
    recordingConsentVersion: RECORDING_CONSENT_VERSION,
  });
  const clinician = await createClinician(db());
  const appointmentId = await createAppointment(db(), {
    patientId: patient.id,
    clinicianId: clinician.id,
    startsAt: new Date(Date.now() - 5 * 60_000),
  });
  const started = await startVideoSession(db(), clinician.id, appointmentId);
  expect(started).toMatchObject({ ok: true, mode: "twilio", recording: true });
  return { patient, clinician, appointmentId };
}

async function withdraw(patient: { email: string }) {
  await actAs(db(), patient.email);
  const result = await updateConsentAction(
    {},
    form({ consent: "recordingConsent", decision: "withdraw", version: RECORDING_CONSENT_VERSION }),
  );
  expect(result).toMatchObject({ ok: true, message: "Your consent is withdrawn." });
}

/** What the clinician's page polls every 2 s. */
async function clinicianSees(clinician: { email: string }, appointmentId: string) {
  await actAs(db(), clinician.email);
  const response = await sessionState(new Request(`http://localhost:3000/api/sessions/${appointmentId}/state`), {
    params: Promise.resolve({ appointmentId }),
  });
  return (await response.json()) as { recording: boolean; stopping: boolean; reason: string };
}

/** The relay cron's run a minute later: the backoff has run out by then (5 s, 10 s, … at most 60 s). */
async function cronMinuteLater() {
  await db()
    .update(eventOutbox)
    .set({ nextAttemptAt: new Date(Date.now() - 1000) })
    .where(isNull(eventOutbox.publishedAt));
  return (await new InngestTestEngine({ function: relayOutboxFn }).execute()).result as {
    published: number;
    failed: number;
    stale: number;
  };
}

describe("a recording-consent withdrawal during a 10-minute event API outage", () => {
  it("stops the recording right after the response, and the event reaches Inngest when it is back", async () => {
    const { patient, clinician, appointmentId } = await liveRecordedVisit();
    fakes.inngest.setOutage({ status: 503, body: { error: "unavailable" } });

    // t = 0: the patient withdraws; the response goes out; after it, enforcement and the relay run.
    await withdraw(patient);
    expect(ruleUpdates()).toEqual([]);
    await runAfterResponse();
    expect(ruleUpdates()).toEqual([[{ type: "exclude", all: true }]]);
    const [session] = await db().select().from(videoSessions).where(eq(videoSessions.appointmentId, appointmentId));
    expect(session).toMatchObject({
      recording: false,
      recordingReason: "consent_withdrawn",
      guardAction: "recording_stopped",
    });
    expect(await clinicianSees(clinician, appointmentId)).toMatchObject({
      recording: false,
      stopping: false,
      reason: "consent_withdrawn",
    });
    const [queued] = await db().select().from(eventOutbox).where(isNull(eventOutbox.publishedAt));
    expect(queued).toMatchObject({ name: "portal/patient.recording-consent-revoked", attempts: 1 });

    // t = 1 … 10 min: every minute the cron tries again and keeps the row (two such minutes run here: each failed
    // publish costs the SDK's own 5 attempts, 1.5 s); after 10 minutes admins see it waiting.
    for (let minute = 1; minute <= 2; minute++)
      expect(await cronMinuteLater()).toMatchObject({ published: 0, failed: 1 });
    expect((await db().select().from(eventOutbox).where(eq(eventOutbox.id, queued!.id)))[0]).toMatchObject({
      attempts: 3,
      publishedAt: null,
    });
    expect(await outboxHealth(db(), new Date(Date.now() + 10 * 60_000 + 1000))).toMatchObject({
      pending: 1,
      stale: 1,
      lastError: "Error 503",
    });

    // t = 10 min: the event API is back; the next cron publishes the withdrawal under its outbox id, once.
    fakes.inngest.setOutage(null);
    fakes.inngest.requests.length = 0;
    expect(await cronMinuteLater()).toMatchObject({ published: 1, failed: 0 });
    const [event] = receivedEvents(fakes.inngest.requests);
    expect(event).toMatchObject({
      id: queued!.id,
      name: "portal/patient.recording-consent-revoked",
      data: { patientId: patient.id },
    });
    // Enforcement through Inngest finds nothing left to stop, and tells Twilio nothing twice.
    const { result } = await new InngestTestEngine({
      function: enforceRecordingConsentFn,
      events: [event as never],
    }).execute();
    expect(result).toEqual({ stopped: 0, ended: 0, failed: 0 });
    expect(ruleUpdates()).toHaveLength(1);
  });

  it("if the stop right after the response fails too (Twilio down for it), the published event stops it", async () => {
    const { patient, clinician, appointmentId } = await liveRecordedVisit();
    fakes.inngest.setOutage({ status: 503, body: { error: "unavailable" } });
    fakes.twilio.queueReply({ status: 503, body: { code: 20503, message: "Service unavailable", status: 503 } }, (r) =>
      r.path.endsWith("/RecordingRules"),
    );

    await withdraw(patient);
    await runAfterResponse();
    // The room still records, and both pages say it is being stopped rather than pretending it is off.
    expect(
      await db()
        .select({ recording: videoSessions.recording })
        .from(videoSessions)
        .where(eq(videoSessions.appointmentId, appointmentId)),
    ).toEqual([{ recording: true }]);
    const profile = await db()
      .select({ consent: patientProfiles.recordingConsent })
      .from(patientProfiles)
      .where(eq(patientProfiles.userId, patient.id));
    expect(profile).toEqual([{ consent: false }]);
    expect(await clinicianSees(clinician, appointmentId)).toMatchObject({ recording: false, stopping: true });

    expect(await cronMinuteLater()).toMatchObject({ published: 0, failed: 1 });
    fakes.inngest.setOutage(null);
    fakes.inngest.requests.length = 0;
    expect(await cronMinuteLater()).toMatchObject({ published: 1 });
    const [event] = receivedEvents(fakes.inngest.requests);
    const { result } = await new InngestTestEngine({
      function: enforceRecordingConsentFn,
      events: [event as never],
    }).execute();
    expect(result).toEqual({ stopped: 1, ended: 0, failed: 0 });
    expect(ruleUpdates().at(-1)).toEqual([{ type: "exclude", all: true }]);
    const [session] = await db().select().from(videoSessions).where(eq(videoSessions.appointmentId, appointmentId));
    expect(session).toMatchObject({
      recording: false,
      recordingReason: "consent_withdrawn",
      guardAction: "recording_stopped",
    });
    expect(await clinicianSees(clinician, appointmentId)).toMatchObject({ recording: false, stopping: false });
  });
});

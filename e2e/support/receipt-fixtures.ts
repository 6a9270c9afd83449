// A finished video visit with everything its receipt is read from, for the recording-receipts spec, seeded by
// e2e/support/server.ts after the frame fixtures (Dr. Okafor is theirs): its session, participants, recording rules
// and a recording deleted after the patient withdrew. Times are fixed within the day, so the spec computes them too.
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { RECORDING_CONSENT_VERSION } from "@/db/seed";
import {
  appointments,
  patientClinicians,
  patientProfiles,
  preferenceLedger,
  users,
  videoParticipants,
  videoRecordings,
  videoRuleChanges,
  videoSessions,
} from "@/db/schema";
import { framePeople } from "./frame-fixtures";
import { writeSeededSession } from "./seeded-session";

export const receiptVisits = {
  /** Rue's visit two days ago: recorded, stopped by a companion, resumed, stopped by her withdrawal, deleted. */
  recorded: "00000000-0000-4000-8000-00000000f301",
  /** Rue's visit three days ago: she chose not to record it. */
  declined: "00000000-0000-4000-8000-00000000f302",
} as const;

export const receiptPeople = {
  rue: { email: "rue@patients.example", first: "Rue", last: "Receipt" },
  companion: "Gil Guest",
} as const;

export const receiptAuth = "e2e/.auth/receipt-rue.json";
export const receiptRoomSid = "RM00000000000000000000000000000f201";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The recorded visit's moments: 10:00 UTC two days before today (UTC), as seeded and as the spec expects them. */
export function receiptTimes(now = new Date()) {
  const start = new Date(Math.floor(now.getTime() / DAY) * DAY - 2 * DAY + 10 * 60 * MINUTE);
  const at = (minutes: number) => new Date(start.getTime() + minutes * MINUTE);
  return {
    start,
    consentGiven: new Date(start.getTime() - 30 * DAY),
    recordingOn: at(2),
    companionJoined: at(10),
    resumed: at(15),
    withdrew: at(25),
    ended: at(40),
    deleted: at(42),
  };
}

export async function seedReceiptFixtures(now = new Date()): Promise<void> {
  const times = receiptTimes(now);
  const [clinician] = await db()
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, framePeople.clinician.email));
  if (!clinician) throw new Error("receipt fixtures: the frame fixtures' clinician is missing");
  const person = receiptPeople.rue;
  const [rue] = await db()
    .insert(users)
    .values({ email: person.email, name: `${person.first} ${person.last}`, role: "patient" })
    .returning({ id: users.id });
  const rueId = rue!.id;
  await db().insert(patientProfiles).values({
    userId: rueId,
    firstName: person.first,
    lastName: person.last,
    timeZone: "Europe/London",
    recordingConsent: false,
    recordingConsentChangedAt: times.withdrew,
    recordingConsentVersion: RECORDING_CONSENT_VERSION,
  });
  await db().insert(patientClinicians).values({ patientId: rueId, clinicianId: clinician.id });
  const consent = { patientId: rueId, actorId: rueId, actorKind: "patient" as const, field: "recordingConsent" };
  const [given] = await db()
    .insert(preferenceLedger)
    .values({
      ...consent,
      oldValue: "false",
      newValue: "true",
      consentVersion: RECORDING_CONSENT_VERSION,
      createdAt: times.consentGiven,
    })
    .returning({ id: preferenceLedger.id });
  await db()
    .insert(preferenceLedger)
    .values({ ...consent, oldValue: "true", newValue: "false", createdAt: times.withdrew });
  const visit = { patientId: rueId, clinicianId: clinician.id, modality: "telehealth" as const, durationMinutes: 60 };
  await db()
    .insert(appointments)
    .values([
      { ...visit, id: receiptVisits.recorded, startsAt: times.start, status: "completed" },
      { ...visit, id: receiptVisits.declined, startsAt: new Date(times.start.getTime() - DAY), status: "completed" },
    ]);

  await seedRecordedVisit(rueId, clinician.id, given!.id, times);
  await seedDeclinedVisit(rueId, clinician.id, new Date(times.start.getTime() - DAY));
  await writeSeededSession(rueId, receiptAuth, now);
}

async function seedRecordedVisit(
  rueId: string,
  clinicianId: string,
  consentLedgerId: number,
  times: ReturnType<typeof receiptTimes>,
) {
  const appointmentId = receiptVisits.recorded;
  await db()
    .insert(videoSessions)
    .values({
      appointmentId,
      roomSid: receiptRoomSid,
      roomName: `appointment-${appointmentId}`,
      recording: false,
      recordingReason: "consent_withdrawn",
      consentLedgerId,
      createdBy: clinicianId,
      status: "ended",
      guardAction: "recording_deleted",
      endedAt: times.ended,
      createdAt: times.recordingOn,
    });
  const [, , gil] = await db()
    .insert(videoParticipants)
    .values([
      {
        appointmentId,
        role: "clinician",
        identity: `clinician-${clinicianId}`,
        userId: clinicianId,
        displayName: framePeople.clinician.name,
        recordingConsent: true,
        answeredAt: times.recordingOn,
        joinedAt: times.recordingOn,
        leftAt: times.ended,
      },
      {
        appointmentId,
        role: "patient",
        identity: `patient-${rueId}`,
        userId: rueId,
        displayName: receiptPeople.rue.first,
        recordingConsent: true,
        answeredAt: times.recordingOn,
        joinedAt: times.recordingOn,
        leftAt: times.ended,
      },
      {
        appointmentId,
        role: "companion",
        identity: `guest-${appointmentId}`,
        displayName: receiptPeople.companion,
        recordingConsent: true,
        // Joined without consenting, then said yes: the clinician resumed.
        answeredAt: new Date(times.companionJoined.getTime() + 3 * MINUTE),
        joinedAt: times.companionJoined,
        leftAt: times.ended,
      },
    ])
    .returning({ id: videoParticipants.id });
  const rule = { appointmentId, roomSid: receiptRoomSid };
  await db()
    .insert(videoRuleChanges)
    .values([
      { ...rule, recording: true, cause: "start", createdAt: times.recordingOn },
      { ...rule, recording: false, cause: "join", participantId: gil!.id, createdAt: times.companionJoined },
      { ...rule, recording: true, cause: "resume", createdAt: times.resumed },
      { ...rule, recording: false, cause: "withdraw", createdAt: times.withdrew },
    ]);
  await db().insert(videoRecordings).values({
    recordingSid: "RT00000000000000000000000000000f201",
    roomSid: receiptRoomSid,
    status: "completed",
    deletedAt: times.deleted,
    deletedReason: "consent_withdrawn",
    createdAt: times.recordingOn,
  });
}

async function seedDeclinedVisit(rueId: string, clinicianId: string, start: Date) {
  const appointmentId = receiptVisits.declined;
  const roomSid = "RM00000000000000000000000000000f202";
  await db()
    .insert(videoSessions)
    .values({
      appointmentId,
      roomSid,
      roomName: `appointment-${appointmentId}`,
      recording: false,
      recordingReason: "participant_not_consented",
      createdBy: clinicianId,
      status: "ended",
      endedAt: new Date(start.getTime() + 30 * MINUTE),
      createdAt: start,
    });
  await db()
    .insert(videoParticipants)
    .values({
      appointmentId,
      role: "patient",
      identity: `patient-${rueId}`,
      userId: rueId,
      displayName: receiptPeople.rue.first,
      recordingConsent: false,
      answeredAt: start,
      joinedAt: start,
      leftAt: new Date(start.getTime() + 30 * MINUTE),
    });
  await db()
    .insert(videoRuleChanges)
    .values({ appointmentId, roomSid, recording: false, cause: "start", createdAt: start });
}

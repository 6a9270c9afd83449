import "@/db/testing/request";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { users, videoLocalRooms } from "@/db/schema";
import { seed, seedEmails } from "@/db/seed";
import { decideRoom, transcriptionOffReason } from "./consent-policy";
import { answerForVisit, leaveParticipant } from "./participants";
import { videoProvider } from "./provider";
import { patientRecordingChoice } from "./patient-recording";
import { enforceRoomConsent, joinAndHoldRoom, resumeRecording, resumeTranscription } from "./recording-rules";
import { startVideoSession } from "./sessions";
import { createVisit, decideRecordingConsent, sessionRows } from "./video-test-setup";

const ids = { ada: "", grey: "" };
beforeAll(async () => {
  await seed(db());
  for (const who of ["ada", "grey"] as const)
    ids[who] = (await db().select({ id: users.id }).from(users).where(eq(users.email, seedEmails[who])))[0]!.id;
});

/** What the simulated room is held to now. */
const localRecording = async (roomSid: string) =>
  (await db().select().from(videoLocalRooms).where(eq(videoLocalRooms.roomSid, roomSid)))[0]!.recording;

describe("the same rules through the local preview (no Twilio configured)", () => {
  it("is chosen when Twilio Video is not configured, and keeps the room's recording rules in the database", async () => {
    expect(videoProvider(db()).mode).toBe("local-preview");
    await decideRecordingConsent(ids.ada, "give");
    const visit = await createVisit(ids.ada, ids.grey);
    expect(await startVideoSession(db(), ids.grey, visit)).toMatchObject({
      ok: true,
      mode: "local-preview",
      token: null,
      recording: true,
    });
    const [session] = await sessionRows(visit);
    const roomSid = session!.roomSid!;
    expect(session!.status).toBe("local-preview");
    expect(await localRecording(roomSid)).toBe(true);

    const patient = {
      appointmentId: visit,
      role: "patient" as const,
      identity: `patient-${ids.ada}`,
      displayName: "Ada",
    };
    await joinAndHoldRoom(db(), { ...patient, recordingConsent: true });
    expect(await localRecording(roomSid)).toBe(true);
    const guest = { appointmentId: visit, role: "companion" as const, identity: "guest-c", displayName: "Cal" };
    await joinAndHoldRoom(db(), guest); // join, not consented
    expect(await localRecording(roomSid)).toBe(false);
    expect(await resumeRecording(db(), visit)).toMatchObject({ ok: false, status: 409 });
    await answerForVisit(db(), guest, true);
    expect(await resumeRecording(db(), visit)).toEqual({ ok: true, recording: true });
    expect(await localRecording(roomSid)).toBe(true);
    // The patient stops it for this visit; leaving does not resume it.
    await answerForVisit(db(), patient, false);
    expect(await enforceRoomConsent(db(), visit, "stop")).toBe(true);
    expect(await localRecording(roomSid)).toBe(false);
    await leaveParticipant(db(), visit, "guest-c");
    expect(await localRecording(roomSid)).toBe(false);
    // A rejoin by the clinician reuses the open room and holds it to the decision now.
    expect(await startVideoSession(db(), ids.grey, visit)).toMatchObject({ recording: false });
    expect((await sessionRows(visit)).at(-1)!.roomSid).toBe(roomSid);
  });
});

describe("transcription through the local preview", () => {
  it("the simulated room transcribes only with everyone's yes: the patient stops it, the clinician resumes it", async () => {
    await decideRecordingConsent(ids.ada, "give");
    await decideRecordingConsent(ids.ada, "give", "transcriptionConsent");
    const visit = await createVisit(ids.ada, ids.grey);
    expect(await startVideoSession(db(), ids.grey, visit, { recording: true, transcription: true })).toMatchObject({
      recording: true,
      transcribing: true,
    });
    const roomSid = (await sessionRows(visit))[0]!.roomSid!;
    const localRoom = async () =>
      (await db().select().from(videoLocalRooms).where(eq(videoLocalRooms.roomSid, roomSid)))[0]!;
    expect(await localRoom()).toMatchObject({ recording: true, transcribing: true });
    expect(await patientRecordingChoice(db(), ids.ada, visit, "stop-transcription")).toMatchObject({
      recording: true,
      transcribing: false,
    });
    expect(await localRoom()).toMatchObject({ recording: true, transcribing: false });
    expect(await resumeTranscription(db(), visit)).toMatchObject({ ok: false, status: 409 });
    await patientRecordingChoice(db(), ids.ada, visit, "transcribe");
    expect(await localRoom()).toMatchObject({ transcribing: false });
    expect(await resumeTranscription(db(), visit)).toEqual({ ok: true, transcribing: true });
    expect(await localRoom()).toMatchObject({ recording: true, transcribing: true });
  });
});

describe("the consent policy", () => {
  const clinician = { id: "c", role: "clinician" as const, displayName: "Dr", present: true, recordingConsent: true };
  const guest = { id: "g", role: "interpreter" as const, displayName: "Iris", present: true, recordingConsent: null };
  it("all-party: a guest who has not answered blocks; absent participants do not", () => {
    const participants = [
      { ...clinician, region: "TX" },
      { ...guest, region: "TX" },
    ];
    expect(decideRoom({ patientStoredConsent: true, participants, policy: "all-party" }).recording).toBe(false);
    const absent = [
      { ...clinician, region: "TX" },
      { ...guest, region: "TX", present: false },
    ];
    expect(decideRoom({ patientStoredConsent: true, participants: absent, policy: "all-party" }).recording).toBe(true);
  });
  it("one-party: only where every present participant's region permits it, and never against an explicit no", () => {
    const oneParty = [
      { ...clinician, region: "TX" },
      { ...guest, region: "NY" },
    ];
    expect(decideRoom({ patientStoredConsent: true, participants: oneParty, policy: "one-party" }).recording).toBe(
      true,
    );
    const california = [
      { ...clinician, region: "TX" },
      { ...guest, region: "CA" },
    ];
    expect(decideRoom({ patientStoredConsent: true, participants: california, policy: "one-party" }).recording).toBe(
      false,
    );
    const unknown = [
      { ...clinician, region: null },
      { ...guest, region: "NY" },
    ];
    expect(decideRoom({ patientStoredConsent: true, participants: unknown, policy: "one-party" }).recording).toBe(
      false,
    );
    const declined = [
      { ...clinician, region: "TX" },
      { ...guest, region: "NY", recordingConsent: false },
    ];
    expect(decideRoom({ patientStoredConsent: true, participants: declined, policy: "one-party" }).recording).toBe(
      false,
    );
    expect(decideRoom({ patientStoredConsent: false, participants: oneParty, policy: "one-party" }).recording).toBe(
      false,
    );
  });
  it("transcription is decided apart, from its own answers, with the same one-party relaxation and the same no", () => {
    const asked = (answers: { clinician: boolean | null; guest: boolean | null }, region = "NY") => [
      { ...clinician, region: "TX", transcriptionConsent: answers.clinician },
      { ...guest, region, recordingConsent: true, transcriptionConsent: answers.guest },
    ];
    const transcribes = (participants: ReturnType<typeof asked>, policy: "all-party" | "one-party") =>
      decideRoom({ patientStoredConsent: true, participants, policy, question: "transcription" }).recording;
    expect(transcribes(asked({ clinician: true, guest: true }), "all-party")).toBe(true);
    expect(transcribes(asked({ clinician: true, guest: null }), "all-party")).toBe(false);
    expect(transcribes(asked({ clinician: true, guest: null }), "one-party")).toBe(true);
    expect(transcribes(asked({ clinician: true, guest: null }, "CA"), "one-party")).toBe(false);
    expect(transcribes(asked({ clinician: true, guest: false }), "one-party")).toBe(false);
    // A yes to recording is not a yes to transcription.
    const recordingOnly = asked({ clinician: null, guest: null });
    expect(decideRoom({ patientStoredConsent: true, participants: recordingOnly, policy: "all-party" }).recording).toBe(
      true,
    );
    expect(transcribes(recordingOnly, "all-party")).toBe(false);
    const blockers = decideRoom({
      patientStoredConsent: true,
      participants: recordingOnly,
      policy: "all-party",
      question: "transcription",
    }).blockers;
    expect(transcriptionOffReason(blockers)).toBe(
      "Transcription is off: the clinician and the interpreter have not consented",
    );
  });
});

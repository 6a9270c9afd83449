import "@/db/testing/request";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { appointments, users, videoLocalRooms, videoParticipants } from "@/db/schema";
import { seed, seedEmails } from "@/db/seed";
import { guestRoom } from "./guests";
import { endForEveryone, leaveVisit } from "./lifecycle";
import { joinAndHoldRoom, resumeRecording } from "./recording-rules";
import { startVideoSession } from "./sessions";
import { createVisit, decideRecordingConsent, sessionRows } from "./video-test-setup";
import { sessionStateView } from "./visits";

const ids = { ada: "", grey: "" };
beforeAll(async () => {
  await seed(db());
  for (const who of ["ada", "grey"] as const)
    ids[who] = (await db().select({ id: users.id }).from(users).where(eq(users.email, seedEmails[who])))[0]!.id;
});

const localRoom = async (roomSid: string) =>
  (await db().select().from(videoLocalRooms).where(eq(videoLocalRooms.roomSid, roomSid)))[0]!;
const visitOf = async (id: string) =>
  (
    await db()
      .select({
        id: appointments.id,
        patientId: appointments.patientId,
        status: appointments.status,
        startsAt: appointments.startsAt,
        durationMinutes: appointments.durationMinutes,
      })
      .from(appointments)
      .where(eq(appointments.id, id))
  )[0]!;

describe("leave and end for everyone through the local preview (no Twilio configured)", () => {
  it("a decliner's leave keeps the room off until the resume; the end completes the room and everyone sees it ended", async () => {
    await decideRecordingConsent(ids.ada, "give");
    const visit = await createVisit(ids.ada, ids.grey);
    await startVideoSession(db(), ids.grey, visit);
    const roomSid = (await sessionRows(visit))[0]!.roomSid!;
    await joinAndHoldRoom(db(), {
      appointmentId: visit,
      role: "companion",
      identity: "guest-local",
      displayName: "Gil",
      recordingConsent: false,
    });
    expect((await localRoom(roomSid)).recording).toBe(false);
    // A guest in the local preview gets no token: the camera preview only.
    expect(await guestRoom(db(), visit, "guest-local")).toEqual({ mode: "local-preview", token: null });

    await leaveVisit(db(), visit, "guest-local");
    expect((await localRoom(roomSid)).recording).toBe(false);
    expect(await resumeRecording(db(), visit)).toEqual({ ok: true, recording: true });
    expect((await localRoom(roomSid)).recording).toBe(true);

    expect(await endForEveryone(db(), ids.grey, visit)).toEqual({ ok: true });
    expect(await localRoom(roomSid)).toMatchObject({ status: "completed", recording: false });
    expect((await sessionRows(visit))[0]).toMatchObject({ status: "ended" });
    const stillPresent = await db().select().from(videoParticipants).where(eq(videoParticipants.appointmentId, visit));
    expect(stillPresent.filter((p) => p.present)).toEqual([]);
    expect(await sessionStateView(db(), await visitOf(visit))).toMatchObject({ phase: "ended", recording: false });

    // The room's name is free again: a restart within the window opens a new room, as Twilio would.
    expect(await startVideoSession(db(), ids.grey, visit)).toMatchObject({ ok: true, mode: "local-preview" });
    const [, restarted] = await sessionRows(visit);
    expect(restarted!.roomSid).not.toBe(roomSid);
  });
});

import "@/db/testing/request";
import { desc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { devOutbox, videoGuestInvites, videoParticipants } from "@/db/schema";
import { guestOf, inviteGuest, redeemInvite } from "./guests";
import { startVideoSession } from "./sessions";
import { createVisit, decideRecordingConsent, ruleUpdates, sessionRows, setUpVideoWorld } from "./video-test-setup";

const world = setUpVideoWorld();
const exclude = [{ type: "exclude", all: true }];

/** The link in the latest email to this address, as the guest would click it. */
async function linkSentTo(email: string) {
  const [message] = await db()
    .select({ body: devOutbox.body })
    .from(devOutbox)
    .where(eq(devOutbox.recipient, email))
    .orderBy(desc(devOutbox.createdAt))
    .limit(1);
  const url = new URL(/https?:\/\/\S+/.exec(message!.body)![0]);
  return { appointmentId: url.pathname.split("/").pop()!, token: url.searchParams.get("token")! };
}

beforeEach(() => {
  world.fake.requests.length = 0;
});

describe("guests", () => {
  it("an interpreter's link is emailed; redeemed without consent it stops the recording; reused, expired or for another visit it is refused", async () => {
    await decideRecordingConsent(world.ada, "give");
    const visit = await createVisit(world.ada, world.grey);
    const other = await createVisit(world.ada, world.grey);
    expect(await startVideoSession(db(), world.grey, visit)).toMatchObject({ recording: true });
    const roomSid = (await sessionRows(visit))[0]!.roomSid!;
    expect(
      await inviteGuest(db(), world.grey, visit, { role: "interpreter", email: "iris@guest.example" }),
    ).toMatchObject({ ok: true });
    // Another clinician cannot invite to Grey's visit.
    expect(await inviteGuest(db(), world.ben, visit, { role: "companion", email: "x@guest.example" })).toMatchObject({
      ok: false,
      status: 404,
    });
    const link = await linkSentTo("iris@guest.example");
    expect(link.appointmentId).toBe(visit);

    expect(await redeemInvite(db(), other, link.token, { displayName: "Iris", recordingConsent: true })).toMatchObject({
      ok: false,
      status: 403,
    });
    const redeemed = await redeemInvite(db(), visit, link.token, { displayName: "Iris", recordingConsent: false });
    expect(redeemed).toMatchObject({ ok: true });
    expect(ruleUpdates(world.fake, roomSid)).toEqual([exclude]);
    expect(await redeemInvite(db(), visit, link.token, { displayName: "Eve", recordingConsent: true })).toEqual({
      ok: false,
      status: 410,
      message: "This link has already been used. Ask the clinician for a new one.",
    });
    // The guest's session works for this visit only, and ends with it.
    const session = redeemed.ok ? redeemed.sessionToken : "";
    expect(await guestOf(db(), visit, session)).toMatchObject({ participantId: redeemed.ok && redeemed.participantId });
    expect(await guestOf(db(), other, session)).toBeNull();
    expect(await guestOf(db(), visit, session, new Date(Date.now() + 24 * 3600_000))).toBeNull();

    await inviteGuest(db(), world.grey, visit, { role: "companion", email: "cal@guest.example" });
    const late = await linkSentTo("cal@guest.example");
    const afterEnd = new Date(Date.now() + 24 * 3600_000);
    expect(
      await redeemInvite(db(), visit, late.token, { displayName: "Cal", recordingConsent: true }, afterEnd),
    ).toEqual({
      ok: false,
      status: 410,
      message: "This link has expired.",
    });
    const invites = await db().select().from(videoGuestInvites).where(eq(videoGuestInvites.appointmentId, visit));
    expect(invites.map((i) => i.tokenHash)).not.toContain(late.token); // only hashes are kept
  });

  it("one link opened in three tabs at once admits one guest; the others are told it was used", async () => {
    const visit = await createVisit(world.ada, world.grey);
    await inviteGuest(db(), world.grey, visit, { role: "companion", email: "twice@guest.example" });
    const link = await linkSentTo("twice@guest.example");
    const results = await Promise.all(
      ["Tab one", "Tab two", "Tab three"].map((displayName) =>
        redeemInvite(db(), visit, link.token, { displayName, recordingConsent: true }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([
      { ok: false, status: 410, message: "This link has already been used. Ask the clinician for a new one." },
      { ok: false, status: 410, message: "This link has already been used. Ask the clinician for a new one." },
    ]);
    const participants = await db().select().from(videoParticipants).where(eq(videoParticipants.appointmentId, visit));
    expect(participants.filter((p) => p.role === "companion")).toHaveLength(1);
  });
});

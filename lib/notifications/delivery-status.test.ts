import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { POST as resendWebhook } from "@/app/api/resend/webhook/route";
import { POST as twilioStatus } from "@/app/api/twilio/status/route";
import { db } from "@/db/client";
import { notificationDeliveries, patientProfiles, preferenceLedger, users, webhookReceipts } from "@/db/schema";
import { getPatientSettings } from "@/lib/patients/queries";
import { createAppointment, createClinician, createPatient, resetFakes, setUpFakes } from "@/testing/fixtures";
import { deliver } from "./gate";

const fakes = setUpFakes();
beforeEach(() => resetFakes(fakes));

let phoneCounter = 0;
/** A patient with texts and email on, and a confirmation just sent on `channel` through the real SDK and the fakes. */
async function sentMessage(channel: "text" | "email") {
  const phone = `+4477009003${String(++phoneCounter).padStart(2, "0")}`;
  const patient = await createPatient(db(), { phoneE164: phone, textMessages: true });
  const clinician = await createClinician(db());
  const appointmentId = await createAppointment(db(), {
    patientId: patient.id,
    clinicianId: clinician.id,
    startsAt: new Date(Date.now() + 3 * 86_400_000),
  });
  const outcome = await deliver(db(), { appointmentId, kind: "confirmation", channel });
  expect(outcome).toMatchObject({ outcome: "sent" });
  const providerId = channel === "text" ? fakes.twilio.messageSids().at(-1)! : fakes.resend.emailIds().at(-1)!;
  const delivery = async () =>
    (
      await db().select().from(notificationDeliveries).where(eq(notificationDeliveries.providerMessageId, providerId))
    )[0]!;
  const ledger = () => db().select().from(preferenceLedger).where(eq(preferenceLedger.patientId, patient.id));
  const settings = async () => (await getPatientSettings(db(), patient.id))!;
  return { ...patient, phone, providerId, delivery, ledger, settings };
}

const receipts = async () => (await db().select({ n: count() }).from(webhookReceipts))[0]!.n;

describe("Twilio message status callbacks", () => {
  it("a bad signature is refused with 403 and writes nothing", async () => {
    const message = await sentMessage("text");
    const before = await receipts();
    const forged = fakes.twilio.statusCallbackRequest(message.providerId, "delivered", { token: "not-the-token" });
    expect((await twilioStatus(forged)).status).toBe(403);
    const unsigned = fakes.twilio.statusCallbackRequest(message.providerId, "delivered");
    unsigned.headers.delete("x-twilio-signature");
    expect((await twilioStatus(unsigned)).status).toBe(403);
    expect(await message.delivery()).toMatchObject({ status: "sent", providerStatus: null });
    expect(await receipts()).toBe(before);
  });

  it("delivered is recorded; a replay and a late `sent` change nothing", async () => {
    const message = await sentMessage("text");
    const post = async (status: string) =>
      (await twilioStatus(fakes.twilio.statusCallbackRequest(message.providerId, status))).json();
    expect(await post("sent")).toEqual({ outcome: "updated" });
    expect(await post("delivered")).toEqual({ outcome: "updated" });
    expect(await post("delivered")).toEqual({ outcome: "replay" });
    expect(await post("queued")).toEqual({ outcome: "stale" });
    expect(await message.delivery()).toMatchObject({ status: "sent", providerStatus: "delivered", errorCode: null });
  });

  it("undelivered 30006 (landline or unreachable) is recorded with its code and flags the number until it changes", async () => {
    const message = await sentMessage("text");
    const response = await twilioStatus(
      fakes.twilio.statusCallbackRequest(message.providerId, "undelivered", { errorCode: "30006" }),
    );
    expect(await response.json()).toEqual({ outcome: "updated" });
    expect(await message.delivery()).toMatchObject({ providerStatus: "undelivered", errorCode: "30006" });
    expect(await message.settings()).toMatchObject({ phoneUnreachableCode: "30006", textMessages: true });
    await db()
      .update(patientProfiles)
      .set({ phoneE164: "+447700900999" })
      .where(eq(patientProfiles.userId, message.id));
    expect((await message.settings()).phoneUnreachableCode).toBeNull();
  });

  it("failed 21610 (the recipient unsubscribed) turns texts off with one ledger row, even when replayed", async () => {
    const message = await sentMessage("text");
    const request = () => fakes.twilio.statusCallbackRequest(message.providerId, "failed", { errorCode: "21610" });
    await twilioStatus(request());
    await twilioStatus(request());
    expect(await message.delivery()).toMatchObject({ providerStatus: "failed", errorCode: "21610" });
    expect(await message.ledger()).toMatchObject([
      { actorKind: "twilio_unsubscribed", field: "textMessages", oldValue: "true", newValue: "false" },
    ]);
  });
});

describe("Resend webhooks (svix)", () => {
  it("a bad or missing signature is refused with 401 and writes nothing", async () => {
    const message = await sentMessage("email");
    const before = await receipts();
    const otherSecret = `whsec_${Buffer.from("someone-else-s-signing-key-12345").toString("base64")}`;
    const forged = fakes.resend.webhookRequest("email.complained", message.providerId, { secret: otherSecret });
    expect((await resendWebhook(forged)).status).toBe(401);
    // A signed event whose body was changed on the way.
    const genuine = fakes.resend.webhookRequest("email.delivered", message.providerId);
    const tampered = new Request(genuine.url, {
      method: "POST",
      headers: genuine.headers,
      body: (await genuine.text()).replace("email.delivered", "email.complained"),
    });
    expect((await resendWebhook(tampered)).status).toBe(401);
    // Signed long ago: svix refuses a stale timestamp, so a captured event cannot be replayed later.
    const old = fakes.resend.webhookRequest("email.complained", message.providerId, {
      sentAt: new Date(Date.now() - 3600_000),
    });
    expect((await resendWebhook(old)).status).toBe(401);
    expect(await message.delivery()).toMatchObject({ providerStatus: null });
    expect(await message.settings()).toMatchObject({ emailNotifications: true });
    expect(await receipts()).toBe(before);
  });

  it("a complaint turns email off (ledger actor email_complaint); replays and a late `delivered` change nothing", async () => {
    const message = await sentMessage("email");
    const post = async (request: Request) => (await resendWebhook(request)).json();
    expect(
      await post(fakes.resend.webhookRequest("email.delivered", message.providerId, { svixId: "msg_d1" })),
    ).toEqual({
      outcome: "updated",
    });
    const complaint = () => fakes.resend.webhookRequest("email.complained", message.providerId, { svixId: "msg_c1" });
    expect(await post(complaint())).toEqual({ outcome: "updated" });
    expect(await post(complaint())).toEqual({ outcome: "replay" });
    expect(await post(fakes.resend.webhookRequest("email.delivered", message.providerId))).toEqual({
      outcome: "stale",
    });
    expect(await message.delivery()).toMatchObject({ providerStatus: "complained" });
    expect(await message.settings()).toMatchObject({ emailNotifications: false });
    expect(await message.ledger()).toMatchObject([
      { actorKind: "email_complaint", field: "emailNotifications", newValue: "false" },
    ]);
  });

  it("a hard bounce flags the address (the banner) until the patient's address changes; a soft bounce does not", async () => {
    const message = await sentMessage("email");
    await resendWebhook(fakes.resend.webhookRequest("email.bounced", message.providerId, { bounceType: "Permanent" }));
    expect(await message.delivery()).toMatchObject({ providerStatus: "bounced", errorCode: "Permanent:General" });
    expect(await message.settings()).toMatchObject({ emailUndeliverable: true, emailNotifications: true });
    await db()
      .update(users)
      .set({ email: `new-${message.email}` })
      .where(eq(users.id, message.id));
    expect((await message.settings()).emailUndeliverable).toBe(false);

    const soft = await sentMessage("email");
    await resendWebhook(fakes.resend.webhookRequest("email.bounced", soft.providerId, { bounceType: "Transient" }));
    expect(await soft.delivery()).toMatchObject({ providerStatus: "undelivered", errorCode: "Transient:General" });
    expect((await soft.settings()).emailUndeliverable).toBe(false);
  });

  it("an event for an email the portal never sent, or of a type it does not track, is acknowledged and changes nothing", async () => {
    const message = await sentMessage("email");
    expect(await (await resendWebhook(fakes.resend.webhookRequest("email.delivered", "no-such-email"))).json()).toEqual(
      {
        outcome: "unknown_message",
      },
    );
    expect((await resendWebhook(fakes.resend.webhookRequest("email.opened", message.providerId))).status).toBe(204);
    expect(await message.delivery()).toMatchObject({ providerStatus: null });
  });
});

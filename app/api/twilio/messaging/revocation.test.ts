import { runAfterResponse } from "@/db/testing/request";
import { and, count, eq, inArray } from "drizzle-orm";
import twilio from "twilio";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { inboundMessages, notificationDeliveries, patientProfiles, preferenceLedger } from "@/db/schema";
import { revocationCorpus } from "@/lib/notifications/revocation-phrases.test";
import { sendRevocationConfirmation } from "@/lib/notifications/revocation-confirmation";
import { createPatient, resetFakes, setUpFakes } from "@/testing/fixtures";
import { POST } from "./route";

const publicUrl = "https://portal.clinic.example/api/twilio/messaging";
const fakes = setUpFakes();
beforeEach(() => resetFakes(fakes));

let counter = 0;
const nextSid = () => `SMrev${String(++counter).padStart(6, "0")}${Date.now().toString(16)}`;

/** Twilio's POST of an inbound message, signed with the auth token as Twilio signs it. */
function inbound(params: Record<string, string>) {
  return new Request("http://127.0.0.1:3000/api/twilio/messaging", {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": twilio.getExpectedTwilioSignature("twilio-token", publicUrl, params),
    },
    body: new URLSearchParams(params).toString(),
  });
}

let phoneCounter = 0;
async function texter() {
  const phone = `+4477009002${String(++phoneCounter).padStart(2, "0")}`;
  const patient = await createPatient(db(), { phoneE164: phone, textMessages: true });
  const textsOn = async () =>
    (
      await db()
        .select({ on: patientProfiles.textMessages })
        .from(patientProfiles)
        .where(eq(patientProfiles.userId, patient.id))
    )[0]!.on;
  const ledger = () => db().select().from(preferenceLedger).where(eq(preferenceLedger.patientId, patient.id));
  const confirmations = () =>
    db()
      .select()
      .from(notificationDeliveries)
      .where(
        and(
          eq(notificationDeliveries.patientId, patient.id),
          eq(notificationDeliveries.kind, "revocation_confirmation"),
        ),
      );
  return { ...patient, phone, textsOn, ledger, confirmations };
}

const textsSentTo = (to: string) =>
  fakes.twilio.requests.filter(
    (request) => request.path.endsWith("/Messages.json") && (request.parsed as Record<string, string>).To === to,
  );

describe("revocation by any reasonable means, through the webhook", () => {
  it("a sample of the corpus: revocations turn texts off at once, other messages reach the staff inbox", async () => {
    const sample = revocationCorpus.filter((_, index) => index % 4 === 0).filter(([, intent]) => intent !== "resume");
    expect(sample.length).toBeGreaterThanOrEqual(15);
    for (const [text, intent] of sample) {
      const patient = await texter();
      const sid = nextSid();
      expect((await POST(inbound({ From: patient.phone, Body: text, MessageSid: sid }))).status).toBe(200);
      const inbox = await db().select().from(inboundMessages).where(eq(inboundMessages.messageSid, sid));
      if (intent === "revoke") {
        expect({ text, on: await patient.textsOn() }).toEqual({ text, on: false });
        expect(await patient.ledger()).toMatchObject([{ actorKind: "inbound_sms", field: "textMessages" }]);
        expect(inbox).toEqual([]);
      } else {
        expect({ text, on: await patient.textsOn() }).toEqual({ text, on: true });
        expect(inbox).toMatchObject([{ patientId: patient.id, body: text, resolvedAt: null }]);
        // Ten business days: two full weeks from a weekday, never sooner.
        const days = (inbox[0]!.respondBy.getTime() - inbox[0]!.receivedAt.getTime()) / 86_400_000;
        expect(days).toBeGreaterThanOrEqual(12);
        expect(days).toBeLessThanOrEqual(14);
      }
    }
  });

  it("STOP sends exactly one confirmation, with only how to resume and how to reach the clinic, even when replayed", async () => {
    const patient = await texter();
    const params = { From: patient.phone, Body: "Stop.", MessageSid: nextSid() };
    await POST(inbound(params));
    await POST(inbound(params));
    await runAfterResponse();
    // The Inngest path runs too, later: it finds the confirmation handled.
    const [row] = await patient.confirmations();
    expect(await sendRevocationConfirmation(db(), row!.id)).toBe("already_handled");
    const sent = textsSentTo(patient.phone);
    expect(sent).toHaveLength(1);
    const body = (sent[0]!.parsed as Record<string, string>).Body!;
    expect(body).toBe(
      "Riverside Clinic: texts are off. To restart, reply START or use Settings in the portal. About a visit? call 020 7946 0321.",
    );
    expect(body.length).toBeLessThanOrEqual(160);
    expect(await patient.confirmations()).toMatchObject([{ status: "sent", channel: "sms" }]);
    expect(await patient.ledger()).toHaveLength(1);
  });

  it("two different STOPs at the same moment: one ledger row, one confirmation", async () => {
    const patient = await texter();
    const results = await Promise.all(
      ["STOP", "stop texting me"].map((Body) => POST(inbound({ From: patient.phone, Body, MessageSid: nextSid() }))),
    );
    expect(results.map((result) => result.status)).toEqual([200, 200]);
    await runAfterResponse();
    expect(await patient.textsOn()).toBe(false);
    expect(await patient.ledger()).toHaveLength(1);
    expect(await patient.confirmations()).toHaveLength(1);
    expect(textsSentTo(patient.phone)).toHaveLength(1);
  });

  it("STOP from a number two patients share turns texts off for both, with one confirmation to the number", async () => {
    const parent = await texter();
    const child = await createPatient(db(), { phoneE164: parent.phone, textMessages: true });
    await POST(inbound({ From: parent.phone, Body: "STOP", MessageSid: nextSid() }));
    await runAfterResponse();
    const textsOn = await db()
      .select({ on: patientProfiles.textMessages })
      .from(patientProfiles)
      .where(eq(patientProfiles.phoneE164, parent.phone));
    expect(textsOn).toEqual([{ on: false }, { on: false }]);
    const both = inArray(preferenceLedger.patientId, [parent.id, child.id]);
    const turnedOff = await db()
      .select({ patientId: preferenceLedger.patientId })
      .from(preferenceLedger)
      .where(and(both, eq(preferenceLedger.field, "textMessages"), eq(preferenceLedger.newValue, "false")));
    expect(turnedOff).toHaveLength(2);
    const confirmationRows = await db()
      .select({ patientId: notificationDeliveries.patientId })
      .from(notificationDeliveries)
      .where(
        and(
          eq(notificationDeliveries.kind, "revocation_confirmation"),
          inArray(notificationDeliveries.patientId, [parent.id, child.id]),
        ),
      );
    expect(confirmationRows).toHaveLength(1);
    expect(textsSentTo(parent.phone)).toHaveLength(1);
  });

  it("a WhatsApp STOP is recorded as such and confirmed on WhatsApp", async () => {
    const patient = await texter();
    await POST(inbound({ From: `whatsapp:${patient.phone}`, Body: "unsubscribe", MessageSid: nextSid() }));
    await runAfterResponse();
    expect(await patient.ledger()).toMatchObject([{ actorKind: "inbound_whatsapp" }]);
    expect(textsSentTo(`whatsapp:${patient.phone}`)).toHaveLength(1);
  });

  it("Twilio down: the confirmation is retried (the Inngest path) and still sent once; past 5 minutes it is not sent", async () => {
    const patient = await texter();
    fakes.twilio.setOutage({ status: 503, body: { code: 20503, message: "Service unavailable", status: 503 } });
    await POST(inbound({ From: patient.phone, Body: "quit", MessageSid: nextSid() }));
    await runAfterResponse();
    fakes.twilio.setOutage(null);
    const [row] = await patient.confirmations();
    expect(row).toMatchObject({ status: "pending", errorCode: "20503" });
    expect(await sendRevocationConfirmation(db(), row!.id)).toBe("sent");
    expect(await sendRevocationConfirmation(db(), row!.id)).toBe("already_handled");
    expect(textsSentTo(patient.phone).filter((request) => request.method === "POST")).toHaveLength(2);

    const late = await texter();
    fakes.twilio.setOutage({ status: 503, body: { code: 20503, message: "Service unavailable", status: 503 } });
    await POST(inbound({ From: late.phone, Body: "end", MessageSid: nextSid() }));
    await runAfterResponse();
    fakes.twilio.setOutage(null);
    const [lateRow] = await late.confirmations();
    const sixMinutesOn = new Date(lateRow!.createdAt.getTime() + 6 * 60_000);
    expect(await sendRevocationConfirmation(db(), lateRow!.id, sixMinutesOn)).toBe("window_passed");
    expect(await late.confirmations()).toMatchObject([{ status: "skipped", reason: "window_passed" }]);
  });

  it("STOP from a patient whose texts are already off changes nothing and sends nothing", async () => {
    const patient = await texter();
    await db().update(patientProfiles).set({ textMessages: false }).where(eq(patientProfiles.userId, patient.id));
    await POST(inbound({ From: patient.phone, Body: "STOP", MessageSid: nextSid() }));
    await runAfterResponse();
    expect(await patient.ledger()).toHaveLength(0);
    expect(await patient.confirmations()).toHaveLength(0);
    expect(
      (await db().select({ n: count() }).from(inboundMessages).where(eq(inboundMessages.patientId, patient.id)))[0]!.n,
    ).toBe(0);
  });
});

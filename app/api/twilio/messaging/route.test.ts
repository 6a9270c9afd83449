import { and, count, eq } from "drizzle-orm";
import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { appointments, patientProfiles, preferenceLedger, users, webhookReceipts } from "@/db/schema";
import { seed, seedEmails } from "@/db/seed";
import { deliver } from "@/lib/notifications/gate";
import { POST } from "./route";

const publicUrl = "https://portal.clinic.example/api/twilio/messaging";
let adaId = "";

function inbound(params: Record<string, string>, signature?: string) {
  const body = new URLSearchParams(params).toString();
  return new Request("http://127.0.0.1:3000/api/twilio/messaging", {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": signature ?? twilio.getExpectedTwilioSignature("twilio-token", publicUrl, params),
    },
    body,
  });
}

const ada = async () => (await db().select().from(patientProfiles).where(eq(patientProfiles.userId, adaId)))[0]!;
const ledgerRows = async () => (await db().select({ n: count() }).from(preferenceLedger))[0]!.n;
const receiptRows = async () => (await db().select({ n: count() }).from(webhookReceipts))[0]!.n;

beforeAll(async () => {
  await seed(db());
  adaId = (await db().select({ id: users.id }).from(users).where(eq(users.email, seedEmails.ada)))[0]!.id;
  vi.stubEnv("TWILIO_AUTH_TOKEN", "twilio-token");
  vi.stubEnv("AUTH_URL", "https://portal.clinic.example");
});
afterAll(() => vi.unstubAllEnvs());

describe("Twilio messaging webhook", () => {
  it("refuses a bad signature and changes nothing", async () => {
    const [before, receiptsBefore] = [await ledgerRows(), await receiptRows()];
    const forged = await POST(
      inbound({ From: "+447911123456", Body: "STOP", OptOutType: "STOP", MessageSid: "SM0" }, "bm90LWEtc2lnbmF0dXJl"),
    );
    expect(forged.status).toBe(403);
    const unsigned = await POST(
      new Request("http://127.0.0.1:3000/api/twilio/messaging", {
        method: "POST",
        body: "From=%2B447911123456&Body=STOP&MessageSid=SM0",
      }),
    );
    expect(unsigned.status).toBe(403);
    expect((await ada()).textMessages).toBe(true);
    expect(await ledgerRows()).toBe(before);
    expect(await receiptRows()).toBe(receiptsBefore);
  });

  it("STOP turns texts off with a ledger row, and the next reminder goes by email only", async () => {
    const response = await POST(inbound({ From: "+447911123456", Body: "stop", MessageSid: "SM1" }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/xml");
    expect((await ada()).textMessages).toBe(false);
    const [row] = await db()
      .select()
      .from(preferenceLedger)
      .where(and(eq(preferenceLedger.patientId, adaId), eq(preferenceLedger.field, "textMessages")));
    expect(row).toMatchObject({ actorKind: "inbound_sms", actorId: null, oldValue: "true", newValue: "false" });

    const [visit] = await db()
      .select({ id: appointments.id })
      .from(appointments)
      .where(
        and(
          eq(appointments.patientId, adaId),
          eq(appointments.modality, "telehealth"),
          eq(appointments.status, "scheduled"),
        ),
      );
    expect(await deliver(db(), { appointmentId: visit!.id, kind: "reminder_15m", channel: "text" })).toMatchObject({
      outcome: "skipped",
      reason: "texts_disabled",
    });
    expect(await deliver(db(), { appointmentId: visit!.id, kind: "reminder_15m", channel: "email" })).toMatchObject({
      outcome: "sent",
    });
  });

  it("START (Twilio's OptOutType) turns texts back on; other messages change nothing", async () => {
    await POST(inbound({ From: "+447911123456", Body: "Start", OptOutType: "START", MessageSid: "SM2" }));
    expect((await ada()).textMessages).toBe(true);
    const before = await ledgerRows();
    expect(
      (await POST(inbound({ From: "+447911123456", Body: "Running 5 minutes late", MessageSid: "SM3" }))).status,
    ).toBe(200);
    expect(await ledgerRows()).toBe(before);
  });
});

import { count, eq, sql } from "drizzle-orm";
import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { patientProfiles, preferenceLedger, webhookReceipts } from "@/db/schema";
import { createPatient } from "@/testing/fixtures";
import { POST } from "./route";

// Issue 14, item 5: a captured, correctly signed START replayed after the patient's STOP turned texts back on.
const publicUrl = "https://portal.clinic.example/api/twilio/messaging";
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

/** Twilio's POST of an inbound message, signed as Twilio signs it. */
function inbound(params: Record<string, string>, headers: Record<string, string> = {}) {
  return new Request("http://127.0.0.1:3000/api/twilio/messaging", {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": twilio.getExpectedTwilioSignature("twilio-token", publicUrl, params),
      ...headers,
    },
    body: new URLSearchParams(params).toString(),
  });
}

let phoneCounter = 0;
/** A patient of the test's own, with a number no other test texts from. */
async function texter() {
  const phone = `+4477009001${String(++phoneCounter).padStart(2, "0")}`;
  const patient = await createPatient(db(), { phoneE164: phone, textMessages: true });
  const send = async (Body: string, MessageSid: string) => {
    const response = await POST(inbound({ From: phone, Body, MessageSid }));
    return { status: response.status, type: response.headers.get("content-type"), body: await response.text() };
  };
  const textsOn = async () =>
    (
      await db()
        .select({ on: patientProfiles.textMessages })
        .from(patientProfiles)
        .where(eq(patientProfiles.userId, patient.id))
    )[0]!.on;
  const ledger = async () =>
    (await db().select({ n: count() }).from(preferenceLedger).where(eq(preferenceLedger.patientId, patient.id)))[0]!.n;
  return { phone, send, textsOn, ledger };
}

const receiptsOf = async (key: string) =>
  db().select().from(webhookReceipts).where(eq(webhookReceipts.receiptKey, key));
const allRows = async () => ({
  ledger: (await db().select({ n: count() }).from(preferenceLedger))[0]!.n,
  receipts: (await db().select({ n: count() }).from(webhookReceipts))[0]!.n,
});

beforeAll(() => {
  vi.stubEnv("TWILIO_AUTH_TOKEN", "twilio-token");
  vi.stubEnv("AUTH_URL", "https://portal.clinic.example");
});
afterAll(() => vi.unstubAllEnvs());

describe("inbound texts are handled once, by MessageSid", () => {
  it("a replayed START after STOP leaves texts off, adds no ledger row, and is answered like the first delivery", async () => {
    const patient = await texter();
    expect(await patient.send("STOP", "SMa1")).toEqual({ status: 200, type: "text/xml", body: EMPTY_TWIML });
    expect(await patient.send("START", "SMa2")).toMatchObject({ status: 200 });
    expect(await patient.send("STOP", "SMa3")).toMatchObject({ status: 200 });
    expect(await patient.textsOn()).toBe(false);
    expect(await patient.ledger()).toBe(3);

    // The attacker's captured START: same MessageSid, same body, same valid signature.
    expect(await patient.send("START", "SMa2")).toEqual({ status: 200, type: "text/xml", body: EMPTY_TWIML });
    expect(await patient.textsOn()).toBe(false);
    expect(await patient.ledger()).toBe(3);
    expect(await receiptsOf("SMa2")).toHaveLength(1);
  });

  it("the same STOP twice writes one ledger row; replayed after a START it leaves texts on", async () => {
    const patient = await texter();
    await patient.send("STOP", "SMb1");
    await patient.send("STOP", "SMb1");
    expect(await patient.ledger()).toBe(1);
    await patient.send("START", "SMb2");
    expect(await patient.textsOn()).toBe(true);
    expect(await patient.send("STOP", "SMb1")).toMatchObject({ status: 200, body: EMPTY_TWIML });
    expect(await patient.textsOn()).toBe(true);
    expect(await patient.ledger()).toBe(2);
  });

  it("two deliveries of one STOP at the same moment: both answered 200, one receipt, one ledger row", async () => {
    const patient = await texter();
    const results = await Promise.all([patient.send("STOP", "SMc1"), patient.send("STOP", "SMc1")]);
    expect(results.map((result) => result.status)).toEqual([200, 200]);
    expect(await patient.textsOn()).toBe(false);
    expect(await patient.ledger()).toBe(1);
    expect(await receiptsOf("SMc1")).toHaveLength(1);
  });

  it("a STOP whose write failed leaves no receipt, so Twilio's retry of it turns texts off", async () => {
    const patient = await texter();
    // The database refuses the ledger row once (as a failover would); a sequence counts it, as it does not roll back.
    for (const statement of [
      "create sequence fault_ledger_seq",
      `create function fault_ledger_once() returns trigger language plpgsql as $$
        begin
          if nextval('fault_ledger_seq') = 1 then raise exception 'injected fault: the ledger write failed'; end if;
          return NEW;
        end $$`,
      "create trigger fault_ledger_once before insert on preference_ledger for each row execute function fault_ledger_once()",
    ]) {
      await db().execute(sql.raw(statement));
    }
    const failed = await POST(inbound({ From: patient.phone, Body: "STOP", MessageSid: "SMh1" }));
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({
      error: expect.stringMatching(/^Something went wrong on our side \(reference/),
    });
    expect(await receiptsOf("SMh1")).toEqual([]);
    expect(await patient.textsOn()).toBe(true);

    expect(await patient.send("STOP", "SMh1")).toMatchObject({ status: 200, body: EMPTY_TWIML });
    expect(await patient.textsOn()).toBe(false);
    expect(await patient.ledger()).toBe(1);
    for (const statement of [
      "drop trigger fault_ledger_once on preference_ledger",
      "drop function fault_ledger_once()",
      "drop sequence fault_ledger_seq",
    ]) {
      await db().execute(sql.raw(statement));
    }
  });

  it("an ordinary message is recorded too, and changes no preference", async () => {
    const patient = await texter();
    expect(await patient.send("See you at 3", "SMd1")).toMatchObject({ status: 200, body: EMPTY_TWIML });
    expect(await receiptsOf("SMd1")).toMatchObject([{ source: "twilio-inbound-text" }]);
    expect(await patient.ledger()).toBe(0);
  });
});

describe("inbound texts refused with a clear 4xx, writing nothing", () => {
  it("a signed message without a MessageSid (or a From) is refused with 400", async () => {
    const patient = await texter();
    const before = await allRows();
    const noSid = await POST(inbound({ From: patient.phone, Body: "STOP", OptOutType: "STOP" }));
    expect(noSid.status).toBe(400);
    expect(await noSid.json()).toEqual({ error: "MessageSid is missing." });
    const noFrom = await POST(inbound({ Body: "STOP", MessageSid: "SMe1" }));
    expect(noFrom.status).toBe(400);
    expect(await noFrom.json()).toEqual({ error: "From is missing." });
    expect(await patient.textsOn()).toBe(true);
    expect(await allRows()).toEqual(before);
  });

  it("an unsigned or wrongly signed message is refused with 403", async () => {
    const patient = await texter();
    const before = await allRows();
    const params = { From: patient.phone, Body: "STOP", MessageSid: "SMf1" };
    const unsigned = inbound(params);
    unsigned.headers.delete("x-twilio-signature");
    expect((await POST(unsigned)).status).toBe(403);
    // Signed for other parameters: a captured signature does not carry over to another message.
    const forged = inbound(params, {
      "x-twilio-signature": twilio.getExpectedTwilioSignature("twilio-token", publicUrl, { ...params, Body: "hi" }),
    });
    expect((await POST(forged)).status).toBe(403);
    expect(await patient.textsOn()).toBe(true);
    expect(await allRows()).toEqual(before);
  });

  it("a body over 64 kB is refused with 413, whether its length is declared or only streamed", async () => {
    const patient = await texter();
    const before = await allRows();
    const params = { From: patient.phone, Body: "STOP", MessageSid: "SMg1", Padding: "x".repeat(70 * 1024) };
    const declared = inbound(params, { "content-length": String(new URLSearchParams(params).toString().length) });
    const declaredResponse = await POST(declared);
    expect(declaredResponse.status).toBe(413);
    expect(await declaredResponse.json()).toEqual({ error: expect.stringMatching(/too large/) });
    expect((await POST(inbound(params))).status).toBe(413);
    expect(await patient.textsOn()).toBe(true);
    expect(await allRows()).toEqual(before);
  });
});

import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { actAs, form } from "@/db/testing/request";
import { inboundMessages, patientProfiles, preferenceLedger, users } from "@/db/schema";
import { seed, seedEmails } from "@/db/seed";
import { actorLabel } from "@/lib/patients/fields";
import { listLedgerForPatient } from "@/lib/patients/queries";
import { receiveInboundText } from "@/lib/patients/text-opt-out";
import { createPatient } from "@/testing/fixtures";
import { recordStaffRequestAction } from "./record-staff-request";
import { resolveInboxMessageAction } from "./resolve-inbox-message";

let adminId = "";
beforeAll(async () => {
  await seed(db());
  adminId = (await db().select({ id: users.id }).from(users).where(eq(users.email, seedEmails.admin)))[0]!.id;
});

const profileOf = async (id: string) =>
  (await db().select().from(patientProfiles).where(eq(patientProfiles.userId, id)))[0]!;
const ledgerCount = async () => (await db().select({ n: count() }).from(preferenceLedger))[0]!.n;
let phoneCounter = 0;
const nextPhone = () => `+4477009004${String(++phoneCounter).padStart(2, "0")}`;

describe("staff record a patient's request made by phone, in person or by letter", () => {
  it("applies at once; the ledger names the staff member and the means; the patient's history says so", async () => {
    const patient = await createPatient(db(), { phoneE164: nextPhone(), textMessages: true });
    await actAs(db(), seedEmails.admin);
    const result = await recordStaffRequestAction(
      {},
      form({ patientEmail: patient.email.toUpperCase(), request: "texts_off", means: "phone" }),
    );
    expect(result).toEqual({ ok: true, message: "Saved: the change is in effect now." });
    expect((await profileOf(patient.id)).textMessages).toBe(false);
    const [row] = await listLedgerForPatient(db(), patient.id, 5);
    expect(row).toMatchObject({ field: "textMessages", actorKind: "staff", requestMeans: "phone", newValue: "false" });
    const [stored] = await db().select().from(preferenceLedger).where(eq(preferenceLedger.patientId, patient.id));
    expect(stored!.actorId).toBe(adminId);
    expect(actorLabel(row!.actorKind, row!.requestMeans)).toBe("Changed by the clinic at your request (by phone)");

    const letter = await recordStaffRequestAction(
      {},
      form({ patientEmail: patient.email, request: "email_off", means: "letter" }),
    );
    expect(letter.ok).toBe(true);
    expect(await profileOf(patient.id)).toMatchObject({ emailNotifications: false, textMessages: false });
  });

  it("patients and clinicians are refused and nothing is written; bad input gets field errors", async () => {
    const patient = await createPatient(db(), { phoneE164: nextPhone(), textMessages: true });
    const before = await ledgerCount();
    for (const who of [seedEmails.ben, seedEmails.grey, null]) {
      await actAs(db(), who);
      const refused = await recordStaffRequestAction(
        {},
        form({ patientEmail: patient.email, request: "texts_off", means: "phone" }),
      );
      expect(refused.ok).toBe(false);
    }
    await actAs(db(), seedEmails.admin);
    const unknown = await recordStaffRequestAction(
      {},
      form({ patientEmail: "nobody@patients.example", request: "texts_off", means: "phone" }),
    );
    expect(unknown.fieldErrors).toEqual({ patientEmail: ["No patient has this email address."] });
    const badMeans = await recordStaffRequestAction(
      {},
      form({ patientEmail: patient.email, request: "texts_off", means: "pigeon" }),
    );
    expect(badMeans.fieldErrors?.means).toEqual(["Choose how the patient asked."]);
    expect((await profileOf(patient.id)).textMessages).toBe(true);
    expect(await ledgerCount()).toBe(before);
  });
});

describe("the staff inbox", () => {
  async function inboxMessage(body: string) {
    const phone = nextPhone();
    const patient = await createPatient(db(), { phoneE164: phone, textMessages: true });
    const result = await receiveInboundText(db(), {
      messageSid: `SMinbox${phone.slice(-6)}`,
      from: phone,
      body,
      intent: "other",
    });
    return { patient, messageId: result.inboxId! };
  }

  it("staff resolve a reply as 'turn texts off': texts off with a staff ledger row (by text message); once only", async () => {
    const { patient, messageId } = await inboxMessage("pls no more of these thx");
    await actAs(db(), seedEmails.admin);
    expect(await resolveInboxMessageAction({}, form({ messageId, outcome: "texts_off" }))).toEqual({
      ok: true,
      message: "Resolved: texts are off.",
    });
    expect((await profileOf(patient.id)).textMessages).toBe(false);
    const [row] = await listLedgerForPatient(db(), patient.id, 5);
    expect(actorLabel(row!.actorKind, row!.requestMeans)).toBe(
      "Changed by the clinic at your request (by text message)",
    );
    const [message] = await db().select().from(inboundMessages).where(eq(inboundMessages.id, messageId));
    expect(message).toMatchObject({ outcome: "texts_off", resolvedBy: adminId });
    expect(await resolveInboxMessageAction({}, form({ messageId, outcome: "no_change" }))).toEqual({
      ok: false,
      message: "Someone already resolved this message.",
    });
    expect((await db().select().from(inboundMessages).where(eq(inboundMessages.id, messageId)))[0]!.outcome).toBe(
      "texts_off",
    );
  });

  it("'no change' keeps texts on; a patient cannot resolve; a bad id is refused", async () => {
    const { patient, messageId } = await inboxMessage("What time is my appointment?");
    await actAs(db(), seedEmails.ben);
    expect((await resolveInboxMessageAction({}, form({ messageId, outcome: "texts_off" }))).ok).toBe(false);
    await actAs(db(), seedEmails.admin);
    expect(
      (await resolveInboxMessageAction({}, form({ messageId: "not-a-uuid", outcome: "texts_off" }))).fieldErrors,
    ).toEqual({
      messageId: ["That message does not exist."],
    });
    expect((await resolveInboxMessageAction({}, form({ messageId, outcome: "no_change" }))).ok).toBe(true);
    expect((await profileOf(patient.id)).textMessages).toBe(true);
  });
});

import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { notificationDeliveries, patientProfiles } from "@/db/schema";
import { failSentOutcomeWrites, refusedOutcomeWrites } from "@/testing/faults";
import { createAppointment, createClinician, createPatient, resetFakes, setUpFakes } from "@/testing/fixtures";
import { deliver, DeliveryInFlightError, recordSent, TransientDeliveryError } from "./gate";

const fakes = setUpFakes();
beforeEach(() => resetFakes(fakes));

const MINUTE = 60_000;

/** A patient of this test's own with texts on, and a video visit starting in 10 minutes (its 15-minute reminder is due). */
async function visitInTenMinutes(profile: Parameters<typeof createPatient>[1] = {}) {
  const patient = await createPatient(db(), { phoneE164: "+447911123456", textMessages: true, ...profile });
  const clinician = await createClinician(db());
  const appointmentId = await createAppointment(db(), {
    patientId: patient.id,
    clinicianId: clinician.id,
    startsAt: new Date(Date.now() + 10 * MINUTE),
  });
  return { patient, appointmentId };
}
const rowsOf = (appointmentId: string) =>
  db().select().from(notificationDeliveries).where(eq(notificationDeliveries.appointmentId, appointmentId));

describe("the gate when things fail", () => {
  it("an SMS Twilio accepted, whose outcome write keeps failing, is handed back as sent-but-unrecorded and never sent again", async () => {
    const { appointmentId } = await visitInTenMinutes();
    const request = { appointmentId, kind: "reminder_15m", channel: "text" } as const;
    const heal = await failSentOutcomeWrites(db(), 100);
    let result;
    try {
      result = await deliver(db(), request);
    } finally {
      await heal();
    }
    // Not a TransientDeliveryError: that would make Inngest retry the send.
    expect(result).toMatchObject({
      outcome: "sent",
      unrecorded: { attempts: 1, providerMessageId: expect.stringMatching(/^SM/) },
    });
    expect(fakes.twilio.requests).toHaveLength(1);
    expect(await rowsOf(appointmentId)).toEqual([expect.objectContaining({ status: "pending" })]);

    // The caller's own step records it once the database answers again.
    await recordSent(db(), (result as { unrecorded: Parameters<typeof recordSent>[1] }).unrecorded);
    expect(await rowsOf(appointmentId)).toEqual([
      expect.objectContaining({ status: "sent", providerMessageId: expect.stringMatching(/^SM/) }),
    ]);
    // A replay of the event afterwards finds it sent.
    expect(await deliver(db(), request)).toMatchObject({ outcome: "duplicate", status: "sent" });
    expect(fakes.twilio.requests).toHaveLength(1);
  });

  it("a blip in the outcome write is retried in place: the row ends sent and the SMS went once", async () => {
    const { appointmentId } = await visitInTenMinutes();
    const heal = await failSentOutcomeWrites(db(), 2);
    try {
      const result = await deliver(db(), { appointmentId, kind: "reminder_15m", channel: "text" });
      expect(result).toMatchObject({ outcome: "sent" });
      expect(result).not.toHaveProperty("unrecorded");
      expect(await refusedOutcomeWrites(db())).toBeGreaterThanOrEqual(2);
    } finally {
      await heal();
    }
    expect(await rowsOf(appointmentId)).toEqual([expect.objectContaining({ status: "sent", attempts: 1 })]);
    expect(fakes.twilio.requests).toHaveLength(1);
  });

  it("a retake after the patient switched SMS to WhatsApp goes by WhatsApp and records whatsapp", async () => {
    const { patient, appointmentId } = await visitInTenMinutes();
    const request = { appointmentId, kind: "reminder_15m", channel: "text" } as const;
    fakes.twilio.queueReply({ status: 503, body: { code: 20503, message: "Unavailable", status: 503 } });
    await expect(deliver(db(), request)).rejects.toBeInstanceOf(TransientDeliveryError);
    expect(await rowsOf(appointmentId)).toEqual([expect.objectContaining({ status: "failed", channel: "sms" })]);

    await db()
      .update(patientProfiles)
      .set({ textChannel: "whatsapp", whatsappOptIn: true })
      .where(eq(patientProfiles.userId, patient.id));
    expect(await deliver(db(), request)).toMatchObject({ outcome: "sent" });
    const second = fakes.twilio.requests[1]!.parsed as { To: string; From: string };
    expect(second.To).toBe("whatsapp:+447911123456");
    expect(await rowsOf(appointmentId)).toEqual([
      expect.objectContaining({ status: "sent", channel: "whatsapp", attempts: 2 }),
    ]);
  });

  it("ten concurrent deliveries of one message send it once (run on PostgreSQL to race for real)", async () => {
    const { appointmentId } = await visitInTenMinutes();
    const request = { appointmentId, kind: "reminder_15m", channel: "email" } as const;
    const settled = await Promise.allSettled(Array.from({ length: 10 }, () => deliver(db(), request)));
    const outcomes = settled.map((s) =>
      s.status === "fulfilled" ? s.value.outcome : s.reason instanceof DeliveryInFlightError ? "in_flight" : s.reason,
    );
    expect(outcomes.filter((outcome) => outcome === "sent")).toHaveLength(1);
    // The rest: a duplicate of the decided outcome, or "still in flight, retry later" while the first was sending.
    expect(outcomes.every((outcome) => ["sent", "duplicate", "in_flight"].includes(outcome as string))).toBe(true);
    expect(fakes.resend.requests).toHaveLength(1);
    expect(await rowsOf(appointmentId)).toEqual([expect.objectContaining({ status: "sent", attempts: 1 })]);
  });
});

import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { appointments, notificationDeliveries } from "@/db/schema";
import { createAppointment, createClinician, createPatient, setUpFakes } from "@/testing/fixtures";
import { deliver, TransientDeliveryError } from "./gate";
import { logicalChannels, reminderKinds, reminderWindows, type ReminderKind } from "./kinds";
import { byMoment, comingUp, PREVIEW_DAYS } from "./preview";

// Emails to the dev outbox (this test is about decisions; the gate tests cover Resend), texts through Twilio.
const fakes = setUpFakes({
  NOTIFY_TEXT_HOURS: "08:00-21:00",
  NOTIFY_TEXT_HOURS_BY_REGION: "US-FL=08:00-20:00",
  RESEND_API_KEY: "",
});
let clinicianId = "";
beforeAll(async () => {
  clinicianId = (await createClinician(db())).id;
});

/** Deterministic pseudo-random numbers (mulberry32), so a failure names a seed that reproduces it. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const t0 = new Date("2026-03-20T12:00:00Z"); // London's DST change (29 March) falls inside the 14 days
const zones = [
  ["America/New_York", "US"],
  ["Europe/London", "GB"],
  ["America/Los_Angeles", "US"],
  ["Asia/Kolkata", "IN"],
] as const;

async function generate(rand: () => number) {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const bool = (p = 0.8) => rand() < p;
  const [timeZone, country] = pick(zones);
  const ownHours = bool(0.25)
    ? pick([
        ["09:00", "17:00"],
        ["07:00", "12:00"],
        ["18:00", "23:00"],
      ] as const)
    : null;
  const patient = await createPatient(db(), {
    timeZone,
    country,
    region: country === "US" && bool(0.3) ? "FL" : null,
    phoneE164: bool(0.9) ? "+12025550143" : null,
    emailNotifications: bool(0.85),
    textMessages: bool(0.8),
    textChannel: bool(0.8) ? "sms" : "whatsapp",
    whatsappOptIn: bool(0.5),
    appointmentReminders: bool(0.85),
    ...Object.fromEntries(
      [
        "appointmentUpdatesEmail",
        "remindersEmail",
        "remindersText",
        "progressUpdatesText",
        "reminder24h",
        "reminder1h",
        "reminder15m",
      ].map((field) => [field, bool(0.8)]),
    ),
    textHoursStart: ownHours?.[0] ?? null,
    textHoursEnd: ownHours?.[1] ?? null,
  });
  const visits = Math.ceil(rand() * 2);
  for (let v = 0; v < visits; v++) {
    // Any 5-minute slot in the next 14 days, booked between 3 days ago and now (some inside a reminder's window).
    const startsAt = new Date(t0.getTime() + Math.floor(rand() * 14 * 288) * 300_000 + 3600_000);
    const createdAt = new Date(t0.getTime() - Math.floor(rand() * 72) * 3600_000);
    await createAppointment(db(), { patientId: patient.id, clinicianId, startsAt, createdAt, updatedAt: createdAt });
  }
  return patient.id;
}

/** As Inngest does: a transient provider failure (a reset loopback socket under load) is retried, re-claiming the row. */
async function deliverRetried(request: Parameters<typeof deliver>[1]) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await deliver(db(), request);
    } catch (error) {
      if (!(error instanceof TransientDeliveryError) || attempt === 3) throw error;
    }
  }
}

/**
 * The gate, run as the scan and Inngest would and without looking at the preview: every reminder of every visit the
 * patient has, on both channels, at the moment it falls due in the period (or at t0 if its window is already open),
 * and a deferred text again at its new time. Keyed by visit, kind and logical channel, so the preview is compared
 * with all the gate did, not only the items it listed.
 */
async function runGate(patientId: string) {
  const visits = await db()
    .select({ id: appointments.id, startsAt: appointments.startsAt })
    .from(appointments)
    .where(eq(appointments.patientId, patientId));
  const until = new Date(t0.getTime() + PREVIEW_DAYS * 86_400_000);
  type Job = { appointmentId: string; startsAt: Date; kind: ReminderKind; logical: "email" | "text"; moment: Date };
  const jobs: Job[] = visits.flatMap((visit) =>
    reminderKinds.flatMap((kind) =>
      logicalChannels.map((logical) => {
        const due = new Date(visit.startsAt.getTime() - reminderWindows[kind].opensBefore);
        return { appointmentId: visit.id, startsAt: visit.startsAt, kind, logical, moment: due < t0 ? t0 : due };
      }),
    ),
  );
  const outcomes = new Map<string, string>();
  const pending = jobs.filter((job) => job.moment <= until);
  while (pending.length > 0) {
    pending.sort(byMoment);
    const job = pending.shift()!;
    const { appointmentId, kind, logical, moment } = job;
    const result = await deliverRetried({ appointmentId, kind, channel: logical, now: moment });
    if (result.outcome === "deferred") pending.push({ ...job, moment: result.until });
    else if (result.outcome !== "not_due")
      outcomes.set(
        `${appointmentId}:${kind}:${logical}`,
        result.outcome === "skipped" ? `skip:${result.reason}` : `${result.outcome}@${moment.toISOString()}`,
      );
  }
  return outcomes;
}

describe("the preview and the gate agree", () => {
  it("for 200 generated patients and appointments (seeded pseudo-random), with and without frequency caps", async () => {
    const rand = random(20261126);
    let compared = 0;
    const reasons = new Set<string>();
    for (let combo = 0; combo < 200; combo++) {
      vi.stubEnv("NOTIFY_TEXT_CAPS", combo % 2 === 0 ? "us-healthcare-exemption" : "off");
      const patientId = await generate(rand);
      const preview = await comingUp(db(), patientId, t0);
      const gate = await runGate(patientId);
      const previewed = new Map(
        preview.map((item) => [
          `${item.appointmentId}:${item.kind}:${item.channel === "email" ? "email" : "text"}`,
          item.outcome === "skip" ? `skip:${item.reason}` : `sent@${item.at.toISOString()}`,
        ]),
      );
      // The same messages, each with the same outcome at the same moment: nothing the gate did is missing.
      expect(previewed, `combo ${combo}`).toEqual(gate);
      for (const item of preview) {
        reasons.add(item.outcome === "skip" ? item.reason! : item.movedFrom ? "moved" : "send");
        compared++;
      }
      // Every record the gate wrote is one of them (no deferred row left waiting, nothing recorded twice).
      const recorded = await db()
        .select({ status: notificationDeliveries.status })
        .from(notificationDeliveries)
        .where(eq(notificationDeliveries.patientId, patientId));
      expect(recorded.length).toBe(gate.size);
      expect(recorded.filter((row) => row.status === "deferred")).toEqual([]);
    }
    // The generator reaches every rule the preview must agree on.
    expect([...reasons].sort()).toEqual(
      expect.arrayContaining([
        "send",
        "moved",
        "quiet_hours",
        "frequency_cap",
        "category_disabled",
        "reminders_disabled",
      ]),
    );
    expect(compared).toBeGreaterThan(1000);
    expect(fakes.twilio.requests.length).toBeGreaterThan(0);
  }, 600_000);
});

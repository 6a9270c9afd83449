import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { appointments, notificationDeliveries, users } from "@/db/schema";
import { seed, seedEmails } from "@/db/seed";
import { findDueReminders } from "./reminder-scan";

const now = new Date("2026-03-07T14:00:00Z"); // the day before US daylight saving time starts
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const labels = new Map<string, string>();

beforeAll(async () => {
  await seed(db(), new Date("2026-01-01T00:00:00Z")); // the seed's own appointments are months away
  const [ben] = await db().select({ id: users.id }).from(users).where(eq(users.email, seedEmails.ben));
  const [grey] = await db().select({ id: users.id }).from(users).where(eq(users.email, seedEmails.grey));
  const schedule: [string, number, "scheduled" | "cancelled"][] = [
    ["exactly 24 h ahead", 24 * HOUR, "scheduled"],
    ["24 h and a second ahead", 24 * HOUR + SECOND, "scheduled"],
    ["a second under 24 h ahead", 24 * HOUR - SECOND, "scheduled"],
    ["exactly 1 h ahead", HOUR, "scheduled"],
    ["exactly 15 min ahead", 15 * MINUTE, "scheduled"],
    ["16 min ahead", 16 * MINUTE, "scheduled"],
    ["cancelled, 30 min ahead", 30 * MINUTE, "cancelled"],
    ["started 30 min ago", -30 * MINUTE, "scheduled"],
    ["started 2 h ago", -2 * HOUR, "scheduled"],
    ["with its 24 h and 1 h reminders recorded", 10 * MINUTE, "scheduled"],
  ];
  for (const [label, offset, status] of schedule) {
    const [row] = await db()
      .insert(appointments)
      .values({
        patientId: ben!.id,
        clinicianId: grey!.id,
        startsAt: new Date(now.getTime() + offset),
        modality: "telehealth",
        status,
      })
      .returning({ id: appointments.id, startsAt: appointments.startsAt });
    labels.set(row!.id, label);
    if (label.startsWith("with its")) {
      await db()
        .insert(notificationDeliveries)
        .values(
          (["reminder_24h", "reminder_1h"] as const).map((kind) => ({
            deliveryKey: `${row!.id}:${kind}:email:${row!.startsAt.toISOString()}`,
            patientId: ben!.id,
            appointmentId: row!.id,
            appointmentStartsAt: row!.startsAt,
            kind,
            channel: "email" as const,
            status: "sent" as const,
          })),
        );
    }
  }
});

describe("the reminder scan", () => {
  it("returns exactly the due pairs without a delivery record, at the window edges", async () => {
    const due = await findDueReminders(db(), now);
    const byLabel = due.map((pair) => `${labels.get(pair.appointmentId)}: ${pair.kind}`);
    expect(byLabel.sort()).toEqual(
      [
        "a second under 24 h ahead: reminder_24h",
        "exactly 1 h ahead: reminder_1h",
        "exactly 1 h ahead: reminder_24h",
        "exactly 15 min ahead: reminder_15m",
        "exactly 15 min ahead: reminder_1h",
        "exactly 15 min ahead: reminder_24h",
        "exactly 24 h ahead: reminder_24h",
        "16 min ahead: reminder_1h",
        "16 min ahead: reminder_24h",
        // Missed while the portal was down: found so the send records window_passed.
        "started 30 min ago: reminder_15m",
        "started 30 min ago: reminder_1h",
        "started 30 min ago: reminder_24h",
        "with its 24 h and 1 h reminders recorded: reminder_15m",
      ].sort(),
    );
  });

  it("uses absolute time across the DST change: 24 h before 10:00 EDT is 09:00 EST the day before", async () => {
    const due = await findDueReminders(db(), now);
    const exactly = due.find((pair) => labels.get(pair.appointmentId) === "exactly 24 h ahead");
    expect(
      exactly?.startsAt.toLocaleString("en-US", {
        timeZone: "America/New_York",
        timeStyle: "short",
        dateStyle: "short",
      }),
    ).toBe("3/8/26, 10:00 AM");
    expect(now.toLocaleString("en-US", { timeZone: "America/New_York", timeStyle: "short", dateStyle: "short" })).toBe(
      "3/7/26, 9:00 AM",
    );
  });
});

import { describe, expect, it } from "vitest";
import { decide, decideProgress, type DecisionInput } from "./decide";
import { categoryOf, matrixField, messageKinds, reminderField, type LogicalChannel, type MessageKind } from "./kinds";
import { patientChoices } from "@/testing/patient-choices";
import { parseNotificationPolicy, type NotificationPolicy } from "./policy";

const HOUR = 3600_000;
const patient = patientChoices;
const policyOf = (raw: Parameters<typeof parseNotificationPolicy>[0] = {}): NotificationPolicy => {
  const { policy, problems } = parseNotificationPolicy(raw);
  expect(problems).toEqual([]);
  return policy;
};
const startsAt = new Date("2026-06-10T16:00:00Z"); // 12:00 in New York (EDT)
const dueMoment: Record<MessageKind, Date> = {
  confirmation: new Date(startsAt.getTime() - 48 * HOUR),
  reminder_24h: new Date(startsAt.getTime() - 24 * HOUR),
  reminder_1h: new Date(startsAt.getTime() - HOUR),
  reminder_15m: new Date(startsAt.getTime() - 0.25 * HOUR),
  cancellation: new Date(startsAt.getTime() - 48 * HOUR),
  rescheduled: new Date(startsAt.getTime() - 48 * HOUR),
};
const input = (kind: MessageKind, channel: LogicalChannel, overrides: Partial<DecisionInput> = {}): DecisionInput => ({
  kind,
  channel,
  now: dueMoment[kind],
  patient: patient(),
  appointment: {
    status: kind === "cancellation" ? "cancelled" : "scheduled",
    startsAt,
    durationMinutes: 30,
    createdAt: new Date(startsAt.getTime() - 14 * 24 * HOUR),
  },
  policy: policyOf(),
  ...overrides,
});

describe("the matrix: every category × channel × switch", () => {
  const switches = ["emailNotifications", "textMessages", "appointmentReminders"] as const;
  for (const kind of messageKinds)
    for (const channel of ["email", "text"] as const)
      for (const cell of [true, false])
        for (const switchOff of [null, ...switches]) {
          it(`${kind} by ${channel}, its cell ${cell ? "on" : "off"}, ${switchOff ?? "no switch"} off`, () => {
            const category = categoryOf(kind)!;
            const choices = patient({
              [matrixField(category, channel)]: cell,
              ...(switchOff ? { [switchOff]: false } : {}),
            });
            const decision = decide(input(kind, channel, { patient: choices }));
            const reminder = category === "reminders";
            // The seed's switches keep their meaning and come first; the matrix refines what they let through.
            const expected =
              reminder && switchOff === "appointmentReminders"
                ? "reminders_disabled"
                : channel === "email" && switchOff === "emailNotifications"
                  ? "email_disabled"
                  : channel === "text" && switchOff === "textMessages"
                    ? "texts_disabled"
                    : cell
                      ? "send"
                      : "category_disabled";
            expect(decision.action === "send" ? "send" : decision.action === "skip" && decision.reason).toBe(expected);
          });
        }

  it("each reminder can be turned off on its own, on both channels; the others still go", () => {
    for (const kind of ["reminder_24h", "reminder_1h", "reminder_15m"] as const)
      for (const channel of ["email", "text"] as const) {
        const choices = patient({ [reminderField[kind]]: false });
        expect(decide(input(kind, channel, { patient: choices }))).toMatchObject({ reason: "reminder_kind_disabled" });
        const other = kind === "reminder_24h" ? "reminder_1h" : "reminder_24h";
        expect(decide(input(other, channel, { patient: choices })).action).toBe("send");
      }
  });

  it("progress updates follow their own cells; the care contact's copy ignores the patient's matrix", () => {
    const off = patient({ progressUpdatesText: false, progressUpdatesEmail: false });
    const progress = { now: startsAt, progressSharingConsent: true, careContactEmail: "c@example.org" };
    expect(
      decideProgress({ kind: "progress_update", channel: "text", patient: { ...off, ...progress }, ...progress }),
    ).toMatchObject({
      reason: "category_disabled",
    });
    expect(
      decideProgress({ kind: "progress_share", channel: "email", patient: { ...off, ...progress }, ...progress })
        .action,
    ).toBe("send");
  });
});

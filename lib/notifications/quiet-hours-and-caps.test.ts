import { describe, expect, it } from "vitest";
import { decide, decideProgress, type DecisionInput } from "./decide";
import type { LogicalChannel, MessageKind } from "./kinds";
import { patientChoices } from "@/testing/patient-choices";
import { parseNotificationPolicy } from "./policy";

const HOUR = 3600_000;
const MINUTE = 60_000;
const choices = patientChoices;
const policy = (raw: Parameters<typeof parseNotificationPolicy>[0] = {}) => parseNotificationPolicy(raw).policy;
const at = (iso: string) => new Date(iso);
function decideAt(
  kind: MessageKind,
  now: string,
  startsAt: string,
  overrides: Partial<DecisionInput> & { channel?: LogicalChannel } = {},
) {
  return decide({
    kind,
    channel: "text",
    now: at(now),
    patient: choices(),
    appointment: {
      status: "scheduled",
      startsAt: at(startsAt),
      durationMinutes: 30,
      createdAt: at("2026-01-01T00:00:00Z"),
    },
    policy: policy(),
    ...overrides,
  });
}

describe("quiet hours for texts, in the patient's zone", () => {
  it("New York, 08:00–21:00: 20:59 sends, 21:00 waits until 08:00, 07:59 waits a minute, 08:00 sends", () => {
    const visit = "2026-06-12T16:00:00Z"; // 12:00 EDT
    expect(decideAt("confirmation", "2026-06-11T00:59:00Z", visit).action).toBe("send"); // 20:59 EDT
    expect(decideAt("confirmation", "2026-06-11T01:00:00Z", visit)).toEqual({
      action: "defer",
      channel: "sms",
      until: at("2026-06-11T12:00:00Z"),
    });
    expect(decideAt("confirmation", "2026-06-11T11:59:00Z", visit)).toMatchObject({
      until: at("2026-06-11T12:00:00Z"),
    });
    expect(decideAt("confirmation", "2026-06-11T12:00:00Z", visit).action).toBe("send");
  });

  it("a 24 h reminder due at 22:00 goes at 08:00 when that is still inside its window, else it is skipped", () => {
    // Visit 10:00 EDT: the 24 h reminder is due 10:00 the day before; found at 22:00 it moves to 08:00 (window ends 09:00).
    expect(decideAt("reminder_24h", "2026-06-11T02:00:00Z", "2026-06-11T14:00:00Z")).toMatchObject({
      action: "defer",
      until: at("2026-06-11T12:00:00Z"),
    });
    // Visit 08:30 EDT: 08:00 is past its window (07:30); the 1 h reminder, due 07:30, goes at 08:00 instead.
    expect(decideAt("reminder_24h", "2026-06-11T02:00:00Z", "2026-06-11T12:30:00Z")).toMatchObject({
      action: "skip",
      reason: "quiet_hours",
    });
    expect(decideAt("reminder_1h", "2026-06-11T11:30:00Z", "2026-06-11T12:30:00Z")).toMatchObject({
      action: "defer",
      until: at("2026-06-11T12:00:00Z"),
    });
    // The email goes whatever the hour.
    expect(decideAt("reminder_24h", "2026-06-11T02:00:00Z", "2026-06-11T12:30:00Z", { channel: "email" }).action).toBe(
      "send",
    );
  });

  it("London is its own zone: 21:00 BST waits until 08:00 BST", () => {
    const london = choices({ timeZone: "Europe/London", country: "GB", phoneE164: "+447911123456" });
    expect(decideAt("confirmation", "2026-06-10T19:59:00Z", "2026-06-12T10:00:00Z", { patient: london }).action).toBe(
      "send",
    );
    expect(decideAt("confirmation", "2026-06-10T20:00:00Z", "2026-06-12T10:00:00Z", { patient: london })).toMatchObject(
      {
        until: at("2026-06-11T07:00:00Z"),
      },
    );
  });

  it("across a DST change the opening is the new local 08:00 (New York spring and autumn, London spring)", () => {
    // 7 March 2026 22:00 EST → 8 March 08:00 EDT (12:00Z, not 13:00Z).
    expect(decideAt("confirmation", "2026-03-08T03:00:00Z", "2026-03-10T15:00:00Z")).toMatchObject({
      until: at("2026-03-08T12:00:00Z"),
    });
    // 31 October 22:00 EDT → 1 November 08:00 EST (13:00Z).
    expect(decideAt("confirmation", "2026-11-01T02:00:00Z", "2026-11-03T15:00:00Z")).toMatchObject({
      until: at("2026-11-01T13:00:00Z"),
    });
    const london = choices({ timeZone: "Europe/London", country: "GB" });
    // 28 March 22:00 GMT → 29 March 08:00 BST (07:00Z).
    expect(decideAt("confirmation", "2026-03-28T22:00:00Z", "2026-03-31T10:00:00Z", { patient: london })).toMatchObject(
      {
        until: at("2026-03-29T07:00:00Z"),
      },
    );
  });

  it("a state overlay (Florida 08:00–20:00) and the patient's own hours narrow the clinic's", () => {
    const visit = "2026-06-12T16:00:00Z";
    const florida = choices({ region: "FL" });
    expect(decideAt("confirmation", "2026-06-11T00:30:00Z", visit).action).toBe("send"); // 20:30 EDT, New York
    expect(decideAt("confirmation", "2026-06-11T00:30:00Z", visit, { patient: florida })).toMatchObject({
      action: "defer",
    });
    const own = choices({ textHoursStart: "09:00", textHoursEnd: "17:00" });
    expect(decideAt("confirmation", "2026-06-11T12:30:00Z", visit, { patient: own })).toMatchObject({
      until: at("2026-06-11T13:00:00Z"),
    });
    // Own hours outside the clinic's leave none: skipped, never sent at a forbidden hour.
    const none = choices({ textHoursStart: "22:00", textHoursEnd: "23:00" });
    expect(decideAt("confirmation", "2026-06-11T12:30:00Z", visit, { patient: none })).toMatchObject({
      reason: "quiet_hours",
    });
  });

  it("a progress update text has no deadline: it waits for the morning", () => {
    const progress = { progressSharingConsent: false, careContactEmail: null };
    expect(
      decideProgress({
        kind: "progress_update",
        channel: "text",
        now: at("2026-06-11T03:00:00Z"),
        patient: { ...choices(), ...progress },
        policy: policy(),
      }),
    ).toMatchObject({ action: "defer", until: at("2026-06-11T12:00:00Z") });
  });
});

describe("frequency caps (us-healthcare-exemption: 1 a day, 3 a week, local days)", () => {
  const capped = policy({ NOTIFY_TEXT_CAPS: "us-healthcare-exemption" });
  const visit = "2026-06-12T16:00:00Z"; // Friday 12:00 EDT
  const confirm = (now: string, textsSent: string[]) =>
    decideAt("confirmation", now, visit, { policy: capped, textsSent: textsSent.map(at) });

  it("the day's first text goes; a second the same local day is skipped; the day before does not count", () => {
    expect(confirm("2026-06-11T14:00:00Z", []).action).toBe("send");
    expect(confirm("2026-06-11T14:00:00Z", ["2026-06-11T04:01:00Z"])).toMatchObject({ reason: "frequency_cap" }); // 00:01 EDT
    expect(confirm("2026-06-11T14:00:00Z", ["2026-06-11T03:59:00Z"]).action).toBe("send"); // 23:59 EDT the day before
  });

  it("three texts this week stop the fourth; last week's do not count", () => {
    const week = ["2026-06-08T14:00:00Z", "2026-06-09T14:00:00Z", "2026-06-10T14:00:00Z"]; // Mon–Wed
    expect(confirm("2026-06-11T14:00:00Z", week)).toMatchObject({ reason: "frequency_cap" });
    expect(confirm("2026-06-11T14:00:00Z", week.slice(1)).action).toBe("send");
    const lastWeek = ["2026-06-06T14:00:00Z", "2026-06-07T14:00:00Z", "2026-06-05T14:00:00Z"]; // Fri–Sun
    expect(confirm("2026-06-11T14:00:00Z", lastWeek).action).toBe("send");
  });

  it("reminders closest to the visit first: the 1 h reminder gives way to the 15 min one the same day", () => {
    const remind = (kind: MessageKind, minutesBefore: number, overrides: Partial<DecisionInput> = {}) =>
      decideAt(kind, new Date(at(visit).getTime() - minutesBefore * MINUTE).toISOString(), visit, {
        policy: capped,
        textsSent: [],
        ...overrides,
      });
    expect(remind("reminder_24h", 24 * 60).action).toBe("send"); // Thursday: its own day
    expect(remind("reminder_1h", 60)).toMatchObject({ reason: "frequency_cap" });
    expect(remind("reminder_15m", 15).action).toBe("send");
    // Without the 15 min reminder (turned off), the 1 h one goes.
    expect(remind("reminder_1h", 60, { patient: choices({ reminder15m: false }) }).action).toBe("send");
    // Emails are never capped.
    expect(remind("reminder_1h", 60, { channel: "email" }).action).toBe("send");
  });

  it("a cap of 2 a day lets the 1 h and 15 min reminders both go", () => {
    const two = policy({ NOTIFY_TEXT_CAPS: "2/day,5/week" });
    const now = new Date(at(visit).getTime() - HOUR).toISOString();
    expect(decideAt("reminder_1h", now, visit, { policy: two, textsSent: [] }).action).toBe("send");
    expect(decideAt("reminder_1h", now, visit, { policy: two, textsSent: [at("2026-06-12T12:00:00Z")] })).toMatchObject(
      {
        reason: "frequency_cap",
      },
    );
  });
});

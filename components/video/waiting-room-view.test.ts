import { describe, expect, it } from "vitest";
import type { VisitPhase } from "@/lib/video/types";
import { waitingRoomView, type WaitingRoomInput } from "./waiting-room-view";

const base: WaitingRoomInput = {
  phase: "waiting",
  joined: null,
  waitingToJoin: false,
  joining: false,
  recording: false,
  stopping: false,
  consent: true,
  clinicianName: "Dr. Meredith Grey",
  startsAt: "Thursday, 26 November 2026 at 14:30 GMT",
  opensAt: "14:15 GMT",
};

describe("the patient's visit page", () => {
  it("Ada waits early, Dr Grey starts: one story, from waiting room to a recorded visit", () => {
    const waiting = waitingRoomView({ ...base, waitingToJoin: true });
    expect(waiting.headline).toBe("You're in the waiting room.");
    expect(waiting.recording?.text).toBe("This visit will be recorded, as you agreed.");
    expect(waiting.offerJoin).toBe(false);

    const joined = waitingRoomView({ ...base, phase: "open", joined: "local-preview", recording: true });
    expect(joined.headline).toBe("You're in the visit with Dr. Meredith Grey.");
    expect(joined.detail).toBe("Joined in local preview mode (video is not configured here).");
    expect(joined.recording).toEqual({ tone: "recording", text: "This visit is being recorded, as you agreed." });
  });

  it("says 'being stopped' while a withdrawn consent is still being applied to the room", () => {
    const view = waitingRoomView({ ...base, phase: "open", joined: "twilio", recording: true, stopping: true });
    expect(view.recording).toEqual({ tone: "stopping", text: "Recording is being stopped, as you asked." });
  });

  it("offers Join once the clinician started, for a patient who had not asked to wait", () => {
    const view = waitingRoomView({ ...base, phase: "open", recording: true });
    expect(view.headline).toBe("Dr. Meredith Grey has started the visit.");
    expect(view.offerJoin).toBe(true);
  });

  it("says clearly when the visit was cancelled or has ended, with no camera, join or recording line", () => {
    for (const phase of ["cancelled", "ended"] as const) {
      const view = waitingRoomView({ ...base, phase, waitingToJoin: true });
      expect(view.headline).toBe(phase === "cancelled" ? "This visit was cancelled." : "This visit has ended.");
      expect(view).toMatchObject({ recording: null, offerJoin: false, showCamera: false });
    }
  });

  it("never says the visit is being recorded (or stopped) before it has started, whatever the polled state", () => {
    const phases: VisitPhase[] = ["cancelled", "ended", "early", "waiting", "open"];
    for (const phase of phases)
      for (const waitingToJoin of [false, true])
        for (const recording of [false, true])
          for (const stopping of [false, true])
            for (const consent of [false, true]) {
              const view = waitingRoomView({ ...base, phase, waitingToJoin, recording, stopping, consent });
              const text = `${view.headline} ${view.detail ?? ""} ${view.recording?.text ?? ""}`;
              if (phase === "early" || phase === "waiting") {
                expect(text).not.toMatch(/is being recorded|being stopped|has started/);
                expect(view.recording?.text).toBe(
                  consent ? "This visit will be recorded, as you agreed." : "This visit will not be recorded.",
                );
              }
              if (phase === "open") expect(text).not.toMatch(/not started|waiting room/);
            }
  });
});

describe("who keeps recording off", () => {
  it("names the guest who has not consented, and says so when the patient said not this time", () => {
    const open = { ...base, phase: "open" as const, joined: "local-preview" as const };
    expect(
      waitingRoomView({ ...open, offReason: "Recording is off: the interpreter has not consented" }).recording,
    ).toEqual({ tone: "off", text: "Recording is off: the interpreter has not consented." });
    expect(waitingRoomView({ ...open, declinedForVisit: true }).recording?.text).toBe(
      "This visit is not being recorded: you said not this time.",
    );
  });
});

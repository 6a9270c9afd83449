import type { VisitPhase } from "@/lib/video/types";

export type WaitingRoomInput = {
  phase: VisitPhase;
  /** in the room: Twilio, or the local preview when video is not configured */
  joined: "twilio" | "local-preview" | null;
  /** the patient asked to join before the clinician started: join as soon as the visit opens */
  waitingToJoin: boolean;
  joining: boolean;
  recording: boolean;
  stopping: boolean;
  consent: boolean;
  /** who keeps recording off, as the server says it */
  offReason?: string | null;
  declinedForVisit?: boolean;
  clinicianName: string;
  startsAt: string;
  opensAt: string;
};

export type RecordingLine = { tone: "recording" | "stopping" | "off" | "planned"; text: string };

export type WaitingRoomView = {
  headline: string;
  detail: string | null;
  recording: RecordingLine | null;
  offerJoin: boolean;
  showCamera: boolean;
};

/** What the patient's visit page says, from one state: it never shows two stories at once. */
export function waitingRoomView(input: WaitingRoomInput): WaitingRoomView {
  const { phase, joined, waitingToJoin, clinicianName: clinician } = input;
  const inRoom = joined !== null;
  const started = inRoom || phase === "open";
  const over = !inRoom && (phase === "cancelled" || phase === "ended");
  return {
    ...message(input),
    recording: over ? null : started ? liveRecording(input) : plannedRecording(input.consent),
    offerJoin:
      !inRoom && !input.joining && (phase === "open" || ((phase === "early" || phase === "waiting") && !waitingToJoin)),
    showCamera: !over && joined !== "twilio",
  };

  function message({ joining, startsAt, opensAt }: WaitingRoomInput): Pick<WaitingRoomView, "headline" | "detail"> {
    if (joined === "twilio") return { headline: `You're in the visit with ${clinician}.`, detail: null };
    if (joined === "local-preview")
      return {
        headline: `You're in the visit with ${clinician}.`,
        detail: "Joined in local preview mode (video is not configured here).",
      };
    if (joining) return { headline: "Joining the visit…", detail: null };
    switch (phase) {
      case "cancelled":
        return {
          headline: "This visit was cancelled.",
          detail: "It will not take place. To book another, contact the clinic.",
        };
      case "ended":
        return {
          headline: "This visit has ended.",
          detail: "Your past and upcoming visits are on your appointments page.",
        };
      case "open":
        return { headline: `${clinician} has started the visit.`, detail: "Select Join video visit to join." };
      case "early":
        return waitingToJoin
          ? {
              headline: "You're in the waiting room.",
              detail: `The visit opens at ${opensAt}. You'll join as soon as ${clinician} starts it; keep this page open.`,
            }
          : {
              headline: `Your visit starts at ${startsAt}.`,
              detail: `You can join from ${opensAt}. Select Join video visit to wait here and join as soon as ${clinician} starts.`,
            };
      case "waiting":
        return waitingToJoin
          ? {
              headline: "You're in the waiting room.",
              detail: `You'll join as soon as ${clinician} starts the visit; keep this page open.`,
            }
          : {
              headline: `${clinician} has not started the visit yet.`,
              detail: "Select Join video visit to wait here: you'll join as soon as they start.",
            };
    }
  }
}

function liveRecording({ recording, stopping, consent, offReason, declinedForVisit }: WaitingRoomInput): RecordingLine {
  if (stopping) return { tone: "stopping", text: "Recording is being stopped, as you asked." };
  if (recording) return { tone: "recording", text: "This visit is being recorded, as you agreed." };
  if (declinedForVisit) return { tone: "off", text: "This visit is not being recorded: you said not this time." };
  // Someone else keeps it off (a guest, the clinician): say who, as everyone in the visit sees it.
  if (consent && offReason) return { tone: "off", text: `${offReason}.` };
  return { tone: "off", text: "This visit is not being recorded." };
}

function plannedRecording(consent: boolean): RecordingLine {
  return consent
    ? { tone: "planned", text: "This visit will be recorded, as you agreed." }
    : { tone: "off", text: "This visit will not be recorded." };
}

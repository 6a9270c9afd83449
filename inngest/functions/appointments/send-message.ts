import { logicalChannels, type MessageKind } from "@/lib/notifications/kinds";
import { inngest } from "../../client";
import { deliverInSteps } from "../deliver-step";
import { appointmentBooked, appointmentCancelled, appointmentRescheduled } from "@/lib/events/contract";

const kindFor: Record<string, MessageKind> = {
  [appointmentBooked.name]: "confirmation",
  [appointmentCancelled.name]: "cancellation",
  [appointmentRescheduled.name]: "rescheduled",
};

/** Confirmation, cancellation and reschedule messages, each through the gate on every channel. */
export const sendAppointmentMessage = inngest.createFunction(
  {
    id: "send-appointment-message",
    name: "Send an appointment message",
    triggers: [
      { event: appointmentBooked.name },
      { event: appointmentCancelled.name },
      { event: appointmentRescheduled.name },
    ],
    throttle: { limit: 50, period: "1s" },
    retries: 5,
  },
  async ({ event, step }) => {
    const kind = kindFor[event.name];
    if (!kind) throw new Error(`Unexpected event ${event.name}`);
    const { appointmentId, rescheduleId } = appointmentRescheduled.data.parse(event.data);
    const outcomes: Record<string, string> = {};
    for (const channel of logicalChannels) {
      const result = await deliverInSteps(step, `deliver-${channel}`, { appointmentId, kind, channel, rescheduleId });
      outcomes[channel] = "reason" in result ? `${result.outcome}:${result.reason}` : result.outcome;
    }
    return { kind, ...outcomes };
  },
);

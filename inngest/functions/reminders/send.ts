import { logicalChannels } from "@/lib/notifications/kinds";
import { inngest } from "../../client";
import { deliverInSteps } from "../deliver-step";
import { reminderDue } from "@/lib/events/contract";

/** Sends one reminder on each channel through the gate, which re-reads preferences and the appointment now. */
export const sendReminder = inngest.createFunction(
  {
    id: "send-reminder",
    name: "Send a reminder",
    triggers: [{ event: reminderDue.name }],
    // Providers' rate limits: Inngest queues the rest instead of failing them.
    throttle: { limit: 50, period: "1s" },
    retries: 5,
  },
  async ({ event, step }) => {
    const { appointmentId, kind } = reminderDue.data.parse(event.data);
    const outcomes: Record<string, string> = {};
    for (const channel of logicalChannels) {
      // A transient provider error throws, so Inngest retries this step alone; the delivery key prevents a double send.
      const result = await deliverInSteps(step, `deliver-${channel}`, { appointmentId, kind, channel });
      outcomes[channel] = "reason" in result ? `${result.outcome}:${result.reason}` : result.outcome;
    }
    return outcomes;
  },
);

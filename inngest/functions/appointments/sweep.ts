import { db } from "@/db/client";
import { findMissedAppointmentMessages } from "@/lib/appointments/sweep";
import { inngest } from "../../client";
import { appointmentBooked, appointmentCancelled, appointmentRescheduled } from "../../events";

const eventNames = { booked: appointmentBooked.name, cancelled: appointmentCancelled.name, rescheduled: appointmentRescheduled.name };

/** Nothing is lost: re-emits appointment events whose sending failed when the change was saved. */
export const sweepAppointmentMessages = inngest.createFunction(
  { id: "sweep-appointment-messages", name: "Re-find unsent appointment messages", triggers: [{ cron: "*/10 * * * *" }], concurrency: { limit: 1 } },
  async ({ step }) => {
    const missed = await step.run("find-missed", () => findMissedAppointmentMessages(db()));
    if (missed.length > 0) {
      await step.sendEvent(
        "re-emit",
        missed.map((m) => ({ id: m.eventId, name: eventNames[m.change], data: { appointmentId: m.appointmentId } })),
      );
    }
    return { reEmitted: missed.length };
  },
);

import { db } from "@/db/client";
import { textRevocationConfirmationDue } from "@/lib/events/contract";
import { sendRevocationConfirmation } from "@/lib/notifications/revocation-confirmation";
import { inngest } from "../../client";

/** The durable path for a revocation's one confirmation text (the webhook also tries right after its response). */
export const confirmTextRevocation = inngest.createFunction(
  {
    id: "confirm-text-revocation",
    name: "Confirm a text revocation",
    triggers: [{ event: textRevocationConfirmationDue.name }],
    retries: 4,
  },
  async ({ event, step }) => {
    const { deliveryId } = textRevocationConfirmationDue.data.parse(event.data);
    const outcome = await step.run("send-confirmation", () => sendRevocationConfirmation(db(), deliveryId));
    return { outcome };
  },
);

import { db } from "@/db/client";
import { markSharingDone } from "@/lib/progress/notes";
import { inngest } from "../../client";
import { deliverInSteps } from "../deliver-step";
import { progressNoteCreated } from "@/lib/events/contract";

/**
 * Shares a saved progress note as the patient allows, each recipient through the gate: the patient is told an update
 * exists (email and text, as their channel choices allow); the care contact gets the summary only with consent and a
 * named contact, both read at the moment of sending. One delivery key per note and recipient makes duplicates harmless.
 */
export const shareProgressNote = inngest.createFunction(
  {
    id: "share-progress-note",
    name: "Share a progress note",
    triggers: [{ event: progressNoteCreated.name }],
    idempotency: "event.data.progressNoteId",
    throttle: { limit: 50, period: "1s" },
    retries: 5,
  },
  async ({ event, step }) => {
    const { progressNoteId } = progressNoteCreated.data.parse(event.data);
    const patientEmail = await deliverInSteps(step, "tell-patient-email", {
      progressNoteId,
      kind: "progress_update",
      channel: "email",
    });
    const careContact = await deliverInSteps(step, "share-with-care-contact", {
      progressNoteId,
      kind: "progress_share",
      channel: "email",
    });
    // Last: a text in quiet hours sleeps until morning, which must not hold up the care contact's email.
    const patientText = await deliverInSteps(step, "tell-patient-text", {
      progressNoteId,
      kind: "progress_update",
      channel: "text",
    });
    const outcomes = { patientEmail, patientText, careContact };
    const anySent = Object.values(outcomes).some(
      (o) => o.outcome === "sent" || (o.outcome === "duplicate" && o.status === "sent"),
    );
    await step.run("mark-done", () => markSharingDone(db(), progressNoteId, anySent));
    return Object.fromEntries(
      Object.entries(outcomes).map(([who, o]) => [who, "reason" in o ? `${o.outcome}:${o.reason}` : o.outcome]),
    );
  },
);

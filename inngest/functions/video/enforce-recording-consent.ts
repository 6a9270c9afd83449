import { db } from "@/db/client";
import { enforceRecordingConsent } from "@/lib/video/enforce";
import { inngest } from "../../client";
import { recordingConsentRevoked } from "@/lib/events/contract";

/** A withdrawal stops recording in every live room of the patient's within seconds. */
export const enforceRecordingConsentFn = inngest.createFunction(
  {
    id: "enforce-recording-consent",
    name: "Stop recording after consent is withdrawn",
    triggers: [{ event: recordingConsentRevoked.name }],
    retries: 10,
  },
  async ({ event, step }) => {
    const { patientId } = recordingConsentRevoked.data.parse(event.data);
    // The output shows what happened per room: { stopped, ended, failed }; a transient failure throws, so Inngest retries.
    return step.run("stop-live-recordings", () => enforceRecordingConsent(db(), patientId));
  },
);

import { db } from "@/db/client";
import { enforceTranscriptionConsent } from "@/lib/video/enforce";
import { inngest } from "../../client";
import { transcriptionConsentRevoked } from "@/lib/events/contract";

/** A transcription withdrawal stops transcription in every live room of the patient's within seconds. */
export const enforceTranscriptionConsentFn = inngest.createFunction(
  {
    id: "enforce-transcription-consent",
    name: "Stop transcription after consent is withdrawn",
    triggers: [{ event: transcriptionConsentRevoked.name }],
    retries: 10,
  },
  async ({ event, step }) => {
    const { patientId } = transcriptionConsentRevoked.data.parse(event.data);
    // { stopped, ended, failed } per run; a transient failure throws, so Inngest retries.
    return step.run("stop-live-transcriptions", () => enforceTranscriptionConsent(db(), patientId));
  },
);

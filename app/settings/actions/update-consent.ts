"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db/client";
import { relayAfterResponse } from "@/inngest/relay";
import { afterResponse } from "@/lib/after-response";
import { authedAction } from "@/lib/auth/authed-action";
import { decideConsent } from "@/lib/patients/preferences";
import { consentDecisionSchema } from "@/lib/patients/schemas";
import { enforceRecordingConsent, enforceTranscriptionConsent } from "@/lib/video/enforce";
import { toFormState } from "./result";

export const updateConsentAction = authedAction(
  "patient",
  consentDecisionSchema,
  async (input, { user, requestHash }) => {
    const result = await decideConsent(
      { db: db(), patientId: user.id, actor: { kind: "patient", userId: user.id }, requestHash },
      input,
    );
    if (result.ok) {
      // The review banner sits in the layout of every patient page.
      if (result.changed.length > 0) revalidatePath("/", "layout");
      // A withdrawal stops live recordings as soon as the response is on its way, without waiting on Inngest …
      if (input.consent === "recordingConsent" && input.decision === "withdraw")
        afterResponse("recording enforcement", () => enforceRecordingConsent(db(), user.id));
      if (input.consent === "transcriptionConsent" && input.decision === "withdraw")
        afterResponse("transcription enforcement", () => enforceTranscriptionConsent(db(), user.id));
      // … and its event, committed in the outbox, makes that durable (Inngest retries it, whatever happens here).
      relayAfterResponse();
    }
    return toFormState(
      result,
      input.decision === "give" ? "Thank you: your consent is recorded." : "Your consent is withdrawn.",
    );
  },
);

"use server";

import { db } from "@/db/client";
import { relayAfterResponse } from "@/inngest/relay";
import { authedAction } from "@/lib/auth/authed-action";
import { decideConsent } from "@/lib/patients/preferences";
import { consentDecisionSchema } from "@/lib/patients/schemas";
import { toFormState } from "./result";

export const updateConsentAction = authedAction("patient", consentDecisionSchema, async (input, { user, requestHash }) => {
  const result = await decideConsent({ db: db(), patientId: user.id, actor: { kind: "patient", userId: user.id }, requestHash }, input);
  // A withdrawal's event is in the outbox: publish it as soon as the response is on its way.
  if (result.ok) relayAfterResponse();
  return toFormState(result, input.decision === "give" ? "Thank you: your consent is recorded." : "Your consent is withdrawn.");
});

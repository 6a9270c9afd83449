import { z } from "zod";
import { inngest } from "./client";

// Event payloads carry ids only (DESIGN.md, invariant 7).
export const recordingConsentRevoked = {
  name: "portal/patient.recording-consent-revoked",
  data: z.object({ patientId: z.string().min(1), ledgerEntryId: z.number().int().positive() }),
} as const;

/** Sends after the domain write has committed; a failure is logged (ids only) and left for a sweep. */
export async function sendRecordingConsentRevoked(data: z.input<typeof recordingConsentRevoked.data>): Promise<boolean> {
  const payload = recordingConsentRevoked.data.parse(data);
  try {
    // A deterministic id: a retried send of the same withdrawal is one event.
    await inngest.send({ id: `recording-consent-revoked-${payload.ledgerEntryId}`, name: recordingConsentRevoked.name, data: payload });
    return true;
  } catch (error) {
    console.error(`[events] ${recordingConsentRevoked.name} not sent for ledger entry ${payload.ledgerEntryId}: ${(error as Error).name}`);
    return false;
  }
}

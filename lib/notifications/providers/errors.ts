/** `providerMessageId` is null when the provider confirms an earlier request under the same key without its id. */
export type ProviderResult = { providerMessageId: string | null; via: "resend" | "twilio" | "dev-outbox" };

/** A provider refused or failed; `permanent` errors (bad number, unsubscribed) are recorded and never retried. */
export class ProviderError extends Error {
  constructor(
    message: string,
    public readonly code: string,
    public readonly permanent: boolean,
  ) {
    super(message);
    this.name = "ProviderError";
  }
}

// What a provider reported about a message it accepted, as one ordered scale: a callback moves a delivery forward
// only, so a replayed or late `sent` never overwrites `delivered`. Pure, shared by both providers' webhooks.

export const providerStatuses = [
  "sent",
  "delivered",
  "read",
  "undelivered",
  "failed",
  "bounced",
  "complained",
] as const;
export type ProviderStatus = (typeof providerStatuses)[number];

/** Later states outrank earlier ones; the final outcomes share a rank, so one never replaces another. */
export const providerStatusRank: Record<ProviderStatus, number> = {
  sent: 1,
  delivered: 2,
  read: 3,
  undelivered: 3,
  failed: 3,
  bounced: 3,
  // A complaint comes after delivery, and is what an operator most needs to see.
  complained: 4,
};

/** Twilio's MessageStatus values, on the same scale; statuses before the carrier has it count as `sent`. */
export function fromTwilioStatus(status: string): ProviderStatus | null {
  switch (status) {
    case "accepted":
    case "scheduled":
    case "queued":
    case "sending":
    case "sent":
      return "sent";
    case "delivered":
    case "read":
    case "undelivered":
    case "failed":
      return status;
    default:
      return null;
  }
}

/** Twilio error codes: 21610 the recipient replied STOP to the sender; these say the number cannot take texts. */
export const TWILIO_UNSUBSCRIBED = "21610";
export const TWILIO_UNREACHABLE_CODES = new Set(["30003", "30005", "30006", "21614", "21612", "63003"]);

export const providerStatusLabels: Record<ProviderStatus, string> = {
  sent: "Accepted by the provider",
  delivered: "Delivered",
  read: "Read",
  undelivered: "Not delivered",
  failed: "Delivery failed",
  bounced: "Bounced: the address does not accept email",
  complained: "Marked as spam",
};

/** A patient-readable line for why a number cannot take texts. */
export function providerCodeHint(code: string): string {
  if (code === "30006" || code === "21614") return "It looks like a landline, which cannot receive texts.";
  return "Our texts to it could not be delivered.";
}

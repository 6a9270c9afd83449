// The consents a patient gives; shared by the client forms, the schemas and the server (no database here).
export const consentFields = ["recordingConsent", "transcriptionConsent", "progressSharingConsent"] as const;
export type ConsentField = (typeof consentFields)[number];

/** How a consent's texts read in a sentence: "the recording consent text of 1 January 2026". */
export const consentKindWords: Record<ConsentField, string> = {
  recordingConsent: "recording consent",
  transcriptionConsent: "transcription consent",
  progressSharingConsent: "progress sharing consent",
};

/** "1 January 2026": a text's effective date, by the calendar in UTC (texts take effect at midnight UTC). */
export function consentTextDate(effectiveAt: Date): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    effectiveAt,
  );
}

export function describeConsentText(kind: ConsentField, effectiveAt: Date): string {
  return `the ${consentKindWords[kind]} text of ${consentTextDate(effectiveAt)}`;
}

/** Names compared loosely for a signature: case, spacing and Unicode forms do not matter. */
export function normalizeSignatureName(name: string): string {
  return name.normalize("NFKC").toLocaleLowerCase("en").replace(/\s+/gu, "");
}

export function signatureMatches(typed: string, firstName: string, lastName: string): boolean {
  const expected = normalizeSignatureName(`${firstName}${lastName}`);
  return expected.length > 0 && normalizeSignatureName(typed) === expected;
}

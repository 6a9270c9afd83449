import type { ConsentField } from "./consent-texts";

// How each consent is named in a sentence and on its buttons ("Withdraw recording consent").
export const consentNames: Record<ConsentField, string> = {
  recordingConsent: "recording consent",
  progressSharingConsent: "progress-sharing consent",
};

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "recording-2026-01" → "1 January 2026": versions end in the date their text took effect (day 1 when absent). */
export function consentVersionDate(version: string): string | null {
  const match = /(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(version);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || !month) return null;
  return `${Number(match[3] ?? "1")} ${month} ${match[1]}`;
}

/** A consent version in words: "the recording consent text of 1 January 2026" (the raw version only if undated). */
export function consentVersionWords(field: ConsentField | string, version: string): string {
  const name = consentNames[field as ConsentField] ?? "consent";
  const date = consentVersionDate(version);
  return date ? `the ${name} text of ${date}` : `the ${name} text "${version}"`;
}

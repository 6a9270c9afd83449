import { SegmentedMessage } from "sms-segments-calculator";

/** One SMS segment: 160 GSM-7 characters, or 70 when a character needs UCS-2 (as Twilio counts them). */
export function segmentsOf(body: string): { segments: number; encoding: string; characters: number } {
  const message = new SegmentedMessage(body);
  return { segments: message.segmentsCount, encoding: message.encodingName, characters: message.numberOfCharacters };
}

export const OPT_OUT_LINE = "Reply STOP to opt out.";

/**
 * The first wording, richest first, that fits one segment with the opt-out line when it is due. The last wording
 * names no one, so a long or non-Latin name (which would need UCS-2 and its 70 characters) still fits.
 */
export function fitOneSegment(wordings: string[], optOut: boolean): string {
  const withOptOut = wordings.map((wording) => (optOut ? `${wording} ${OPT_OUT_LINE}` : wording));
  return withOptOut.find((body) => segmentsOf(body).segments === 1) ?? withOptOut[withOptOut.length - 1]!;
}

import { describe, expect, it } from "vitest";
import { classifyInboundText, type TextIntent } from "./revocation-phrases";

/** Messages patients send, and what each must do: the corpus both ways (issue 17). */
export const revocationCorpus: [string, TextIntent][] = [
  // The rule's words, as the whole text, any case and punctuation.
  ["stop", "revoke"],
  ["STOP", "revoke"],
  ["Stop.", "revoke"],
  [" stop!!! ", "revoke"],
  ["STOP 🛑", "revoke"],
  ["quit", "revoke"],
  ["End", "revoke"],
  ["REVOKE", "revoke"],
  ["opt out", "revoke"],
  ["Opt-Out", "revoke"],
  ["OPTOUT", "revoke"],
  ["cancel", "revoke"],
  ["Cancel.", "revoke"],
  ["unsubscribe", "revoke"],
  ["Unsubscribe!", "revoke"],
  ["STOPALL", "revoke"],
  ["stop all", "revoke"],
  ["stop please", "revoke"],
  ["Please stop", "revoke"],
  ["STOP NOW", "revoke"],
  ["stop it", "revoke"],
  ["just stop", "revoke"],
  ["stop stop stop", "revoke"],
  ["unsubscribe please", "revoke"],
  // Free text that asks to stop.
  ["please stop texting me", "revoke"],
  ["Stop texting me", "revoke"],
  ["no more messages", "revoke"],
  ["No more texts please", "revoke"],
  ["no more reminders thanks", "revoke"],
  ["I want to stop these messages", "revoke"],
  ["Can you stop sending me texts?", "revoke"],
  ["stop sending reminders", "revoke"],
  ["please quit messaging me", "revoke"],
  ["Don't text me anymore", "revoke"],
  ["do not contact me", "revoke"],
  ["dont message me again", "revoke"],
  ["Unsubscribe me from this", "revoke"],
  ["please opt me out", "revoke"],
  ["remove me from your list", "revoke"],
  ["take me off this", "revoke"],
  ["Wrong number", "revoke"],
  ["I revoke my consent to texts", "revoke"],
  ["cancel the reminders", "revoke"],
  ["cancel texts", "revoke"],
  ["stop the whatsapp messages", "revoke"],
  ["leave me alone", "revoke"],
  ["I'd like to opt out", "revoke"],
  ["stop contacting me", "revoke"],
  // Turning texts back on.
  ["START", "resume"],
  ["start", "resume"],
  ["Unstop", "resume"],
  ["yes", "resume"],
  // Not a revocation: staff read these.
  ["don't stop my reminders", "other"],
  ["Do not stop the texts, they help", "other"],
  ["stop by at 3?", "other"],
  ["Can I stop by at 3?", "other"],
  ["cancel my appointment", "other"],
  ["I need to cancel my appointment tomorrow", "other"],
  ["Can we cancel the visit on Friday?", "other"],
  ["Running 5 minutes late", "other"],
  ["See you at 3", "other"],
  ["Thanks!", "other"],
  ["What time is my appointment?", "other"],
  ["I'll be there by the end of the day", "other"],
  ["The bus stop is closed, I'll be late", "other"],
  ["Is there parking at the end of the street?", "other"],
  ["keep sending reminders please", "other"],
  ["I never want to stop getting these", "other"],
  ["Can you resend the link?", "other"],
  ["Who is this?", "other"],
  ["", "other"],
  ["   ", "other"],
  ["ok", "other"],
  ["Stopping at the pharmacy first", "other"],
  ["I had to quit my job so can we talk about payment", "other"],
  ["no need to cancel, I'll make it", "other"],
];

describe("revocation phrases", () => {
  it("the corpus has at least 60 messages, both ways", () => {
    expect(revocationCorpus.length).toBeGreaterThanOrEqual(60);
    expect(revocationCorpus.filter(([, intent]) => intent === "revoke").length).toBeGreaterThanOrEqual(30);
    expect(revocationCorpus.filter(([, intent]) => intent === "other").length).toBeGreaterThanOrEqual(20);
  });

  it.each(revocationCorpus)("%j → %s", (text, intent) => {
    expect(classifyInboundText(text)).toBe(intent);
  });
});

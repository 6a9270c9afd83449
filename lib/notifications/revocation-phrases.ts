// What an inbound text asks for (47 CFR 64.1200(a)(10)–(12)): the one place the phrase rules live. Pure, no I/O.
//
// "cancel" on its own is a revocation: the FCC's 2024 order names it among the words that revoke consent per se, and a
// reading that kept texting someone who wrote "cancel" is the costlier mistake. Because the patient may have meant
// their visit, the confirmation text says how to reach the clinic; "cancel my appointment" (a visit word beside it)
// is not a revocation and goes to the staff inbox, where a person reads it.

export type TextIntent = "revoke" | "resume" | "other";

/** The words that, as the whole message, revoke consent (the rule's list, plus Twilio's STOPALL). */
const REVOKE_WORDS = new Set([
  "stop",
  "stopall",
  "stop all",
  "quit",
  "end",
  "revoke",
  "opt out",
  "optout",
  "cancel",
  "unsubscribe",
]);
/** Twilio's default opt-in keywords: they re-enable texts at the carrier too, so the portal follows. */
const RESUME_WORDS = new Set(["start", "unstop", "yes"]);
/** Words that may stand beside a revocation word without changing it ("stop please", "STOP NOW!!"). */
const FILLER = new Set([
  "please",
  "pls",
  "plz",
  "it",
  "now",
  "just",
  "thanks",
  "thank",
  "you",
  "all",
  "asap",
  "immediately",
  "already",
  "stop",
]);
const SHORT_VERBS = new Set(["stop", "quit", "unsubscribe", "revoke", "cancel", "optout"]);

const MESSAGING = "(?:texts?|texting|messages?|messaging|sms|reminders?|whatsapps?|notifications?|alerts?)";
const SENDING = "(?:texting|messaging|contacting|sending|emailing|calling)";
const VISIT = /\b(?:appointments?|appt|visit|session|booking|consultation)\b/;

const patterns = {
  /** "don't text me", "do not message me anymore": a request to stop, though it starts with a negation */
  dontContact:
    /\b(?:don'?t|do not|dont|never|please don'?t)\s+(?:ever\s+)?(?:text|message|contact|sms|whatsapp|msg)\s+me\b/,
  /** "don't stop my reminders", "no need to cancel": the verb is negated, so it is not a revocation */
  negated:
    /\b(?:don'?t|do not|dont|never|not|didn'?t|no need to|keep)\s+(?:\w+\s+)?(?:stop|stopping|cancel|end|quit|unsubscribe|opt(?:ing)? out)\b/,
  /** "stop texting me", "stop sending these messages", "quit the reminders", "cancel texts" */
  verbNoun: new RegExp(`\\b(?:stop|quit|end|cease|halt|cancel|pause)\\s+(?:\\w+\\s+){0,3}?${MESSAGING}\\b`),
  verbSending: new RegExp(`\\b(?:stop|quit|cease|halt)\\s+${SENDING}\\b`),
  /** "no more messages", "no more reminders please" */
  noMore: new RegExp(`\\bno more\\s+(?:\\w+\\s+){0,2}?${MESSAGING}\\b`),
  /** "unsubscribe me", "opt me out", "remove me from your list", "take me off", "leave me alone", "wrong number" */
  optOut:
    /\b(?:unsubscribe|opt(?:\s+me)?\s+out|optout|remove me|take me off|leave me alone|wrong number|revoke (?:my )?consent|withdraw (?:my )?consent)\b/,
};

/** Lower case, plain apostrophes, letters/digits/spaces only, one space between words. */
export function normalizeText(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[^\p{L}\p{N}' ]+/gu, " ")
    .replace(/'(?!\w)|(?<!\w)'/g, " ")
    .replace(/-/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** What the sender wants: stop texts, have them back, or something a person must read. */
export function classifyInboundText(text: string): TextIntent {
  const normalized = normalizeText(text);
  if (normalized === "") return "other";
  if (REVOKE_WORDS.has(normalized)) return "revoke";
  if (RESUME_WORDS.has(normalized)) return "resume";
  const words = normalized.split(" ");
  const joined = normalized.replace(/opt out/g, "optout");
  const joinedWords = joined.split(" ");
  if (
    joinedWords.length <= 4 &&
    joinedWords.some((word) => SHORT_VERBS.has(word)) &&
    joinedWords.every((word) => FILLER.has(word) || SHORT_VERBS.has(word))
  )
    return "revoke";
  if (patterns.dontContact.test(normalized)) return "revoke";
  if (patterns.negated.test(normalized)) return "other";
  // "cancel" next to a visit word is about the visit: staff read it.
  if (words.includes("cancel") && VISIT.test(normalized) && !patterns.noMore.test(normalized)) return "other";
  if (
    patterns.verbNoun.test(normalized) ||
    patterns.verbSending.test(normalized) ||
    patterns.noMore.test(normalized) ||
    patterns.optOut.test(normalized)
  )
    return "revoke";
  return "other";
}

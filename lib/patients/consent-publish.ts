// Publishing a consent text: a command for the clinic (scripts/publish-consent-text.ts), no server-only import.
import { createHash } from "node:crypto";
import { eq, max } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { consentTexts, type ConsentText } from "@/db/schema";
import { plainText } from "@/lib/validation";
import { consentFields } from "./consent-kinds";

export function hashConsentText(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

const moment = z.coerce.date({ error: "Give a date like 2026-07-01 or 2026-07-01T09:00:00Z." });

export const publishConsentTextSchema = z
  .strictObject({
    kind: z.enum(consentFields, {
      error: "The kind is recordingConsent, transcriptionConsent or progressSharingConsent.",
    }),
    version: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9.-]{0,63}$/u,
        "A version is lower-case letters, digits, dots and dashes, like recording-2026-07.",
      ),
    title: plainText({ max: 120, label: "The title" }).min(1, "Give the consent a title."),
    text: plainText({ max: 20_000, multiline: true, label: "The text" }).min(1, "The text is empty."),
    effectiveAt: moment,
    /** consents given to earlier versions count as not given from then; absent: they stay valid */
    priorVersionsLapseAt: moment.optional(),
  })
  .refine((input) => !input.priorVersionsLapseAt || input.priorVersionsLapseAt >= input.effectiveAt, {
    path: ["priorVersionsLapseAt"],
    message: "Earlier versions can lapse only on or after the new version takes effect.",
  });
export type PublishConsentTextInput = z.input<typeof publishConsentTextSchema>;

export class ConsentTextConflict extends Error {}

/** Appends a new version after the kind's latest; texts are never edited, so a signature's hash always has its text. */
export async function publishConsentText(db: Db, raw: PublishConsentTextInput): Promise<ConsentText> {
  const input = publishConsentTextSchema.parse(raw);
  return db.transaction(async (tx) => {
    // One publisher at a time per kind: the unique (kind, sequence) index refuses a racing twin anyway.
    const [existing] = await tx
      .select({ version: consentTexts.version })
      .from(consentTexts)
      .where(eq(consentTexts.version, input.version));
    if (existing) throw new ConsentTextConflict(`Version ${input.version} already exists; texts are never changed.`);
    const [latest] = await tx
      .select({ sequence: max(consentTexts.sequence) })
      .from(consentTexts)
      .where(eq(consentTexts.kind, input.kind));
    const [row] = await tx
      .insert(consentTexts)
      .values({
        version: input.version,
        kind: input.kind,
        sequence: (latest?.sequence ?? 0) + 1,
        title: input.title,
        text: input.text,
        textHash: hashConsentText(input.text),
        effectiveAt: input.effectiveAt,
        priorVersionsLapseAt: input.priorVersionsLapseAt ?? null,
      })
      .returning();
    return row!;
  });
}

import "server-only";
import { and, asc, desc, eq, inArray, lte, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db, Tx } from "@/db/client";
import { consentTexts, patientProfiles, type ConsentText } from "@/db/schema";
import type { ConsentField } from "./consent-kinds";

export const versionColumnOf = {
  recordingConsent: patientProfiles.recordingConsentVersion,
  transcriptionConsent: patientProfiles.transcriptionConsentVersion,
  progressSharingConsent: patientProfiles.progressSharingConsentVersion,
} as const satisfies Record<ConsentField, AnyPgColumn>;

const textColumns = {
  version: consentTexts.version,
  kind: consentTexts.kind,
  sequence: consentTexts.sequence,
  title: consentTexts.title,
  text: consentTexts.text,
  textHash: consentTexts.textHash,
  effectiveAt: consentTexts.effectiveAt,
  priorVersionsLapseAt: consentTexts.priorVersionsLapseAt,
};
export type ConsentTextRow = Pick<ConsentText, keyof typeof textColumns>;

/** The text a patient is asked to agree to now: the newest version already in effect. */
export async function currentConsentText(db: Db | Tx, kind: ConsentField, now = new Date()): Promise<ConsentTextRow> {
  const [row] = await db
    .select(textColumns)
    .from(consentTexts)
    .where(and(eq(consentTexts.kind, kind), lte(consentTexts.effectiveAt, now)))
    .orderBy(desc(consentTexts.sequence))
    .limit(1);
  if (!row) throw new Error(`No ${kind} text is in effect`);
  return row;
}

export async function currentConsentTexts(db: Db, now = new Date()): Promise<Record<ConsentField, ConsentTextRow>> {
  const [recordingConsent, transcriptionConsent, progressSharingConsent] = await Promise.all([
    currentConsentText(db, "recordingConsent", now),
    currentConsentText(db, "transcriptionConsent", now),
    currentConsentText(db, "progressSharingConsent", now),
  ]);
  return { recordingConsent, transcriptionConsent, progressSharingConsent };
}

/** Texts by version, for showing what a patient agreed to (settings, the export). */
export async function consentTextsByVersion(db: Db, versions: string[]): Promise<Map<string, ConsentTextRow>> {
  const wanted = [...new Set(versions)];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select(textColumns)
    .from(consentTexts)
    .where(inArray(consentTexts.version, wanted))
    .orderBy(asc(consentTexts.sequence));
  return new Map(rows.map((row) => [row.version, row]));
}

/**
 * True when the consent given under the version in `versionColumn` has lapsed by `now`: a later version of the same
 * kind lapses earlier ones at a date already past. A null or unknown version never lapses (nothing to compare).
 */
export function consentVersionLapsed(kind: ConsentField, versionColumn: AnyPgColumn, now: Date): SQL<boolean> {
  return sql<boolean>`exists (
    select 1 from ${consentTexts} as newer
    where newer.kind = ${kind}
      and newer.prior_versions_lapse_at <= ${now.toISOString()}::timestamptz
      and newer.sequence > (select given.sequence from ${consentTexts} as given where given.version = ${versionColumn})
  )`;
}

/** A consent given to an older version that a version in effect lapses (now or later): the patient is asked again. */
export function consentNeedsReview(kind: ConsentField, versionColumn: AnyPgColumn, now: Date): SQL<boolean> {
  return sql<boolean>`exists (
    select 1 from ${consentTexts} as newer
    where newer.kind = ${kind}
      and newer.prior_versions_lapse_at is not null
      and newer.effective_at <= ${now.toISOString()}::timestamptz
      and newer.sequence > (select given.sequence from ${consentTexts} as given where given.version = ${versionColumn})
  )`;
}

export type ConsentReview = { kind: ConsentField; givenVersion: string; lapsed: boolean };

/** The given consents the patient is asked to review, with whether each already counts as not given. */
export async function consentsToReview(db: Db, patientId: string, now = new Date()): Promise<ConsentReview[]> {
  const [row] = await db
    .select({
      recording: patientProfiles.recordingConsent,
      recordingVersion: patientProfiles.recordingConsentVersion,
      recordingReview: consentNeedsReview("recordingConsent", patientProfiles.recordingConsentVersion, now),
      recordingLapsed: consentVersionLapsed("recordingConsent", patientProfiles.recordingConsentVersion, now),
      transcription: patientProfiles.transcriptionConsent,
      transcriptionVersion: patientProfiles.transcriptionConsentVersion,
      transcriptionReview: consentNeedsReview("transcriptionConsent", patientProfiles.transcriptionConsentVersion, now),
      transcriptionLapsed: consentVersionLapsed(
        "transcriptionConsent",
        patientProfiles.transcriptionConsentVersion,
        now,
      ),
      sharing: patientProfiles.progressSharingConsent,
      sharingVersion: patientProfiles.progressSharingConsentVersion,
      sharingReview: consentNeedsReview("progressSharingConsent", patientProfiles.progressSharingConsentVersion, now),
      sharingLapsed: consentVersionLapsed("progressSharingConsent", patientProfiles.progressSharingConsentVersion, now),
    })
    .from(patientProfiles)
    .where(eq(patientProfiles.userId, patientId));
  if (!row) return [];
  const reviews: ConsentReview[] = [];
  if (row.recording && row.recordingReview && row.recordingVersion)
    reviews.push({ kind: "recordingConsent", givenVersion: row.recordingVersion, lapsed: row.recordingLapsed });
  if (row.transcription && row.transcriptionReview && row.transcriptionVersion)
    reviews.push({
      kind: "transcriptionConsent",
      givenVersion: row.transcriptionVersion,
      lapsed: row.transcriptionLapsed,
    });
  if (row.sharing && row.sharingReview && row.sharingVersion)
    reviews.push({ kind: "progressSharingConsent", givenVersion: row.sharingVersion, lapsed: row.sharingLapsed });
  return reviews;
}

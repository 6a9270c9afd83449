import "server-only";
import { eq } from "drizzle-orm";
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";
import type { Db } from "@/db/client";
import type { DomainResult } from "@/lib/result";
import { patientProfiles } from "@/db/schema";
import type { recordingConsentRevoked, transcriptionConsentRevoked } from "@/lib/events/contract";
import { enqueueEvent } from "@/lib/events/outbox";
import { signatureMatches } from "./consent-kinds";
import { currentConsentText } from "./consent-versions";
import { exampleMobile, phoneRegionOf } from "./phone-region";
import { applyAuditedChanges, NotFoundError, type AuditedField, type LedgerActor } from "./ledger";
import type { CareContactInput, ConsentDecision, ContactInput, NotificationPreferences } from "./schemas";

export type ChangeResult = DomainResult<{ changed: { field: AuditedField; ledgerEntryId: number }[] }>;

type Context = { db: Db; patientId: string; actor: LedgerActor; requestHash?: string | null };

class RuleViolation extends Error {
  constructor(public readonly fieldErrors: Record<string, string[]>) {
    super("rule violation");
  }
}

async function inTransaction(
  db: Db,
  work: (tx: Parameters<Parameters<Db["transaction"]>[0]>[0]) => Promise<ChangeResult>,
): Promise<ChangeResult> {
  try {
    return await db.transaction(work);
  } catch (error) {
    if (error instanceof RuleViolation) return { ok: false, fieldErrors: error.fieldErrors };
    throw error;
  }
}

/** Email, texts (channel and WhatsApp opt-in) and reminders; the form owns exactly these five fields. */
export function updateNotificationPreferences(ctx: Context, input: NotificationPreferences): Promise<ChangeResult> {
  return inTransaction(ctx.db, async (tx) => {
    const [profile] = await tx
      .select({ phoneE164: patientProfiles.phoneE164 })
      .from(patientProfiles)
      .where(eq(patientProfiles.userId, ctx.patientId))
      .for("update");
    const errors: Record<string, string[]> = {};
    if (input.textMessages && !profile?.phoneE164) {
      errors.textMessages = ["Add your mobile number under Contact before turning text messages on."];
    }
    if (input.textMessages && input.textChannel === "whatsapp" && !input.whatsappOptIn) {
      errors.whatsappOptIn = ["Tick the WhatsApp opt-in to receive your texts by WhatsApp."];
    }
    if (Object.keys(errors).length > 0) throw new RuleViolation(errors);
    const changed = await applyAuditedChanges(tx, { ...ctx, changes: input });
    return { ok: true, changed };
  });
}

/**
 * Parses a mobile number into E.164. A national number ("(917) 555-0142", "07911 123456") is read in `region`, the
 * patient's country (see phoneRegionOf); one with +<country code> is read as written, wherever the patient is.
 */
export function parseMobileNumber(
  raw: string,
  region: CountryCode | undefined,
): { e164: string | null } | { error: string } {
  if (raw === "") return { e164: null };
  const parsed = parsePhoneNumberFromString(raw, region);
  if (!parsed || !parsed.isValid()) {
    return {
      error: `Enter a valid mobile number, like ${exampleMobile(region)}, or with its country code if it is from another country.`,
    };
  }
  const type = parsed.getType();
  if (type && !["MOBILE", "FIXED_LINE_OR_MOBILE", "PERSONAL_NUMBER"].includes(type)) {
    return { error: "This looks like a landline. Enter a mobile number that can receive texts." };
  }
  return { e164: parsed.number };
}

/** Mobile number and time zone, or either alone: a field not sent is left as it is. */
export function updateContact(ctx: Context, input: Partial<ContactInput>): Promise<ChangeResult> {
  return inTransaction(ctx.db, async (tx) => {
    const [profile] = await tx
      .select({
        textMessages: patientProfiles.textMessages,
        country: patientProfiles.country,
        timeZone: patientProfiles.timeZone,
      })
      .from(patientProfiles)
      .where(eq(patientProfiles.userId, ctx.patientId))
      .for("update");
    const changes: { phoneE164?: string | null; timeZone?: string } = {};
    if (input.phone !== undefined) {
      // Read in the zone chosen in this same form, else the stored one: a New Yorker types a New York number.
      const timeZone = input.timeZone ?? profile?.timeZone ?? "UTC";
      const phone = parseMobileNumber(input.phone, phoneRegionOf({ country: profile?.country, timeZone }));
      if ("error" in phone) throw new RuleViolation({ phone: [phone.error] });
      if (phone.e164 === null && profile?.textMessages) {
        throw new RuleViolation({ phone: ["Turn text messages off before removing your mobile number."] });
      }
      changes.phoneE164 = phone.e164;
    }
    if (input.timeZone !== undefined) changes.timeZone = input.timeZone;
    const changed = await applyAuditedChanges(tx, { ...ctx, changes });
    return { ok: true, changed };
  });
}

/** The person progress summaries are emailed to when progress sharing consent is given; all null removes them. */
export function updateCareContact(ctx: Context, input: CareContactInput): Promise<ChangeResult> {
  return inTransaction(ctx.db, async (tx) => ({
    ok: true,
    changed: await applyAuditedChanges(tx, { ...ctx, changes: input }),
  }));
}

type ConsentRevokedEvent = (typeof recordingConsentRevoked | typeof transcriptionConsentRevoked)["name"];
/** The withdrawals live rooms must hear: each one's event stops it in every room of the patient's. */
const revokedEvents: Partial<Record<ConsentDecision["consent"], ConsentRevokedEvent>> = {
  recordingConsent: "portal/patient.recording-consent-revoked",
  transcriptionConsent: "portal/patient.transcription-consent-revoked",
};

/**
 * Gives or withdraws one consent; a recording or transcription withdrawal's event commits with it, so every live room
 * hears.
 * Giving is an electronic signature: the typed full name must match the patient's, and the ledger row keeps the name,
 * the text's version and hash, the time and the request hash. Giving again to a newer text records a new row.
 */
export async function decideConsent(ctx: Context, input: ConsentDecision): Promise<ChangeResult> {
  const given = input.decision === "give";
  const versionColumn = `${input.consent}Version` as const;
  const timeColumn = `${input.consent}ChangedAt` as const;
  return inTransaction(ctx.db, async (tx) => {
    const [profile] = await tx
      .select({
        firstName: patientProfiles.firstName,
        lastName: patientProfiles.lastName,
        given: patientProfiles[input.consent],
        version: patientProfiles[versionColumn],
      })
      .from(patientProfiles)
      .where(eq(patientProfiles.userId, ctx.patientId))
      .for("update");
    if (!profile) throw new NotFoundError("No such patient");
    const text = await currentConsentText(tx, input.consent);
    if (given && input.version !== text.version)
      throw new RuleViolation({ version: ["The consent text has changed. Please read the new version."] });
    if (given && !signatureMatches(input.signedName, profile.firstName, profile.lastName))
      throw new RuleViolation({
        signedName: ["Type your full name as it is on your record (first and last name) to sign."],
      });
    // A withdrawal names the version that was withdrawn.
    const version = given ? text.version : (profile.version ?? text.version);
    const changed = await applyAuditedChanges(tx, {
      ...ctx,
      changes: { [input.consent]: given },
      alsoSet: { [versionColumn]: version, [timeColumn]: new Date() },
      consentVersion: version,
      recordUnchanged: given && profile.given && profile.version !== text.version,
      signature: given ? { signedName: input.signedName, consentTextHash: text.textHash } : undefined,
    });
    const revoked = !given ? changed[0] : undefined;
    const revokedEvent = revokedEvents[input.consent];
    if (revoked && revokedEvent) {
      await enqueueEvent(tx, {
        name: revokedEvent,
        data: { patientId: ctx.patientId, ledgerEntryId: revoked.ledgerEntryId },
      });
    }
    return { ok: true, changed };
  });
}

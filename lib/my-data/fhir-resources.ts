import { createHash } from "node:crypto";
import type { Appointment, Communication, Consent, Provenance } from "@medplum/fhirtypes";
import { kindLabels, reasonLabels } from "@/lib/notifications/labels";
import { isReminder, type MessageKind } from "@/lib/notifications/kinds";
import { describeConsentText, type ConsentField } from "@/lib/patients/consent-kinds";
import { channelMedium, consentCategory, portalUri, systems } from "./fhir-codes";
import type { PatientRecord } from "./collect";

type Ref = { patient: string; appointment: (id: string) => string };
const iso = (date: Date) => date.toISOString();

/** One Consent per decision in the ledger; the newest of each kind is active while given and not lapsed. */
export function consentResource(
  row: PatientRecord["consentRows"][number],
  record: PatientRecord,
  ref: Ref,
  { latest, lapsed }: { latest: boolean; lapsed: boolean },
): Consent {
  const kind = row.field as ConsentField;
  const given = row.newValue === "true";
  const text = row.consentVersion ? record.texts.get(row.consentVersion) : undefined;
  return {
    resourceType: "Consent",
    id: `consent-${row.id}`,
    status: latest && given && !lapsed ? "active" : given ? "inactive" : "rejected",
    scope: { coding: [{ system: systems.consentScope, code: "patient-privacy", display: "Privacy Consent" }] },
    category: [{ coding: [consentCategory[kind]], text: text?.title }],
    patient: { reference: ref.patient },
    dateTime: iso(row.createdAt),
    policyRule: { coding: [{ system: systems.actCode, code: given ? "OPTIN" : "OPTOUT" }] },
    ...(row.consentVersion ? { identifier: [{ system: portalUri.consentVersion, value: row.consentVersion }] } : {}),
    ...(text
      ? {
          sourceAttachment: {
            contentType: "text/plain; charset=utf-8",
            language: "en",
            data: Buffer.from(text.text, "utf8").toString("base64"),
            // Attachment.hash is SHA-1 by the spec; the SHA-256 the signature names rides in an extension.
            hash: createHash("sha1").update(text.text, "utf8").digest("base64"),
            title: describeConsentText(kind, text.effectiveAt),
            creation: iso(text.effectiveAt),
            extension: [{ url: portalUri.textSha256, valueString: text.textHash }],
          },
        }
      : {}),
    provision: { type: given ? "permit" : "deny" },
  };
}

/** The electronic signature of a consent given: typed name, time, text hash and request hash. */
export function signatureProvenance(row: PatientRecord["consentRows"][number], ref: Ref): Provenance | null {
  if (!row.signedName) return null;
  return {
    resourceType: "Provenance",
    id: `signature-${row.id}`,
    target: [{ reference: `Consent/consent-${row.id}` }],
    recorded: iso(row.createdAt),
    agent: [{ who: { reference: ref.patient } }],
    signature: [
      {
        type: [{ system: systems.signatureType, code: "1.2.840.10065.1.12.1.7", display: "Consent Signature" }],
        when: iso(row.createdAt),
        who: { reference: ref.patient, display: row.signedName },
        sigFormat: "text/plain",
        data: Buffer.from(row.signedName, "utf8").toString("base64"),
      },
    ],
    extension: [
      { url: portalUri.textSha256, valueString: row.consentTextHash ?? "" },
      ...(row.requestHash ? [{ url: portalUri.requestHash, valueString: row.requestHash }] : []),
    ].filter((extension) => extension.valueString !== ""),
  };
}

const communicationStatus = {
  sent: "completed",
  pending: "in-progress",
  skipped: "not-done",
  failed: "not-done",
  // a text waiting for quiet hours to end: it is still to go
  deferred: "on-hold",
} as const;

export function messageResource(message: PatientRecord["messages"][number], ref: Ref): Communication {
  const toCareContact = message.kind === "progress_share";
  const reminder =
    message.kind !== "progress_share" && message.kind !== "progress_update" && isReminder(message.kind as MessageKind);
  return {
    resourceType: "Communication",
    id: message.id,
    status: communicationStatus[message.status],
    ...(message.reason
      ? {
          statusReason: {
            coding: [{ system: "https://patient-portal.example/fhir/delivery-reason", code: message.reason }],
            text: reasonLabels[message.reason] ?? message.reason,
          },
        }
      : {}),
    category: [
      {
        coding: [{ system: systems.communicationCategory, code: reminder ? "reminder" : "notification" }],
        text: kindLabels[message.kind],
      },
    ],
    medium: [
      { coding: [channelMedium[message.channel]], text: message.channel === "whatsapp" ? "WhatsApp" : undefined },
    ],
    subject: { reference: ref.patient },
    recipient: [toCareContact ? { display: "Your care contact" } : { reference: ref.patient }],
    ...(message.appointmentId ? { about: [{ reference: ref.appointment(message.appointmentId) }] } : {}),
    ...(message.status === "sent" ? { sent: iso(message.updatedAt) } : {}),
  };
}

/** A progress summary as the patient reads it (never the clinician's private note). */
export function summaryResource(note: PatientRecord["notes"][number], ref: Ref): Communication {
  return {
    resourceType: "Communication",
    id: note.id,
    status: "completed",
    category: [{ coding: [{ system: systems.communicationCategory, code: "notification" }], text: "Progress summary" }],
    subject: { reference: ref.patient },
    recipient: [{ reference: ref.patient }],
    sender: { display: note.clinicianName },
    sent: iso(note.createdAt),
    about: [{ reference: ref.appointment(note.appointmentId) }],
    ...(note.correctsNoteId ? { inResponseTo: [{ reference: `Communication/${note.correctsNoteId}` }] } : {}),
    payload: [{ contentString: note.summary }],
  };
}

const appointmentStatus = { scheduled: "booked", cancelled: "cancelled", completed: "fulfilled" } as const;

export function visitResource(visit: PatientRecord["visits"][number], record: PatientRecord, ref: Ref): Appointment {
  const sessions = record.recordings.filter((session) => session.appointmentId === visit.id);
  const recordingNotes = sessions.map(
    (session) =>
      `Video session ${iso(session.createdAt)}: ${session.recording ? "recorded" : "not recorded"} (${session.recordingReason}${session.guardAction ? `, ${session.guardAction}` : ""}), ${session.transcribing ? "transcribed" : "not transcribed"}`,
  );
  return {
    resourceType: "Appointment",
    id: visit.id,
    status: appointmentStatus[visit.status],
    description: visit.modality === "telehealth" ? "Video visit" : "In-person visit",
    start: iso(visit.startsAt),
    end: iso(new Date(visit.startsAt.getTime() + visit.durationMinutes * 60_000)),
    minutesDuration: visit.durationMinutes,
    created: iso(visit.createdAt),
    ...(recordingNotes.length ? { comment: recordingNotes.join("\n") } : {}),
    ...(sessions.length
      ? {
          extension: sessions.map((session) => ({
            url: portalUri.recording,
            extension: [
              { url: "recorded", valueBoolean: session.recording },
              { url: "reason", valueCode: session.recordingReason },
              { url: "transcribed", valueBoolean: session.transcribing },
              { url: "decidedAt", valueDateTime: iso(session.createdAt) },
            ],
          })),
        }
      : {}),
    participant: [
      { actor: { reference: ref.patient }, status: "accepted" },
      { actor: { display: visit.clinicianName }, status: "accepted" },
    ],
  };
}

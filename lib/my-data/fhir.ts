import type { AuditEvent, Bundle, Patient, Resource } from "@medplum/fhirtypes";
import { actorLabels, displayValue, fieldLabels } from "@/lib/patients/fields";
import { auditTypes, portalUri } from "./fhir-codes";
import {
  consentResource,
  messageResource,
  signatureProvenance,
  summaryResource,
  visitResource,
} from "./fhir-resources";
import type { PatientRecord } from "./collect";

const iso = (date: Date) => date.toISOString();
const observer = { display: "Patient portal" };

function patientResource(record: PatientRecord): Patient {
  const { profile } = record;
  const preferences = {
    emailNotifications: profile.emailNotifications,
    textMessages: profile.textMessages,
    whatsappOptIn: profile.whatsappOptIn,
    appointmentReminders: profile.appointmentReminders,
  };
  return {
    resourceType: "Patient",
    id: profile.id,
    active: true,
    name: [{ use: "official", family: profile.lastName, given: [profile.firstName] }],
    telecom: [
      { system: "email", value: profile.email, rank: 1 },
      ...(profile.phoneE164 ? [{ system: "phone" as const, use: "mobile" as const, value: profile.phoneE164 }] : []),
    ],
    ...(profile.careContactName
      ? {
          contact: [
            {
              name: { text: profile.careContactName },
              ...(profile.careContactRelationship ? { relationship: [{ text: profile.careContactRelationship }] } : {}),
              ...(profile.careContactEmail
                ? { telecom: [{ system: "email" as const, value: profile.careContactEmail }] }
                : {}),
            },
          ],
        }
      : {}),
    extension: [
      ...Object.entries(preferences).map(([name, value]) => ({
        url: portalUri.preference,
        extension: [
          { url: "name", valueCode: name },
          { url: "value", valueBoolean: value },
        ],
      })),
      {
        url: portalUri.preference,
        extension: [
          { url: "name", valueCode: "textChannel" },
          { url: "valueCode", valueCode: profile.textChannel },
        ],
      },
      {
        url: portalUri.preference,
        extension: [
          { url: "name", valueCode: "timeZone" },
          { url: "valueString", valueString: profile.timeZone },
        ],
      },
    ],
  };
}

/** Each change in the patient's ledger (and each export), as an audit event about their record. */
function historyEvent(row: PatientRecord["history"][number], patientRef: string): AuditEvent {
  const exported = row.field === "recordExport";
  const byPatient = row.actorKind === "patient";
  return {
    resourceType: "AuditEvent",
    id: `ledger-${row.id}`,
    type: exported ? auditTypes.export : auditTypes.patientRecord,
    action: exported ? "R" : "U",
    recorded: iso(row.createdAt),
    outcome: "0",
    outcomeDesc: exported
      ? `Record downloaded (${displayValue(row.field, row.newValue)})`
      : `${fieldLabels[row.field] ?? row.field}: ${displayValue(row.field, row.oldValue)} → ${displayValue(row.field, row.newValue)}`,
    agent: [
      {
        ...(byPatient
          ? { who: { reference: patientRef } }
          : { who: { display: row.actorName ?? actorLabels[row.actorKind] } }),
        requestor: true,
      },
    ],
    source: { observer },
    entity: [
      {
        what: { reference: patientRef },
        ...(row.consentVersion ? { detail: [{ type: "consentVersion", valueString: row.consentVersion }] } : {}),
      },
    ],
  };
}

function staffEvent(entry: PatientRecord["staffAccess"][number], index: number, patientRef: string): AuditEvent {
  return {
    resourceType: "AuditEvent",
    id: `staff-${index + 1}`,
    type: auditTypes.patientRecord,
    action: entry.action,
    recorded: iso(entry.at),
    outcome: "0",
    outcomeDesc: `${entry.staffName} (${entry.staffRole}) ${entry.what}`,
    agent: [{ who: { display: entry.staffName }, role: [{ text: entry.staffRole }], requestor: true }],
    source: { observer },
    entity: [{ what: { reference: patientRef } }],
  };
}

/**
 * The patient's record as a FHIR R4 collection Bundle: Patient, Consent (+ Provenance signatures), Communication
 * (messages and progress summaries), Appointment (with recording decisions) and AuditEvent (history, staff access).
 */
export function toFhirBundle(record: PatientRecord, { baseUrl, now }: { baseUrl: string; now: Date }): Bundle {
  const patientRef = `Patient/${record.profile.id}`;
  const ref = { patient: patientRef, appointment: (id: string) => `Appointment/${id}` };
  const latestByKind = new Map<string, number>();
  for (const row of record.consentRows) latestByKind.set(row.field, row.id);
  const lapsed: Record<string, boolean> = record.lapsed;
  const resources: Resource[] = [
    patientResource(record),
    ...record.consentRows.flatMap((row) => {
      const consent = consentResource(row, record, ref, {
        latest: latestByKind.get(row.field) === row.id,
        lapsed: lapsed[row.field] ?? false,
      });
      const signature = signatureProvenance(row, ref);
      return signature ? [consent, signature] : [consent];
    }),
    ...record.visits.map((visit) => visitResource(visit, record, ref)),
    ...record.messages.map((message) => messageResource(message, ref)),
    ...record.notes.map((note) => summaryResource(note, ref)),
    ...record.history.map((row) => historyEvent(row, patientRef)),
    ...record.staffAccess.map((entry, index) => staffEvent(entry, index, patientRef)),
  ];
  return {
    resourceType: "Bundle",
    type: "collection",
    timestamp: iso(now),
    entry: resources.map((resource) => ({ fullUrl: `${baseUrl}/${resource.resourceType}/${resource.id}`, resource })),
  };
}

export function countResources(bundle: Bundle): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of bundle.entry ?? []) {
    const type = entry.resource?.resourceType ?? "unknown";
    counts[type] = (counts[type] ?? 0) + 1;
  }
  return counts;
}

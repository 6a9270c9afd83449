// Code systems the FHIR R4 specification defines for the resources the export uses.
export const systems = {
  consentScope: "http://terminology.hl7.org/CodeSystem/consentscope",
  loinc: "http://loinc.org",
  actCode: "http://terminology.hl7.org/CodeSystem/v3-ActCode",
  participationMode: "http://terminology.hl7.org/CodeSystem/v3-ParticipationMode",
  communicationCategory: "http://terminology.hl7.org/CodeSystem/communication-category",
  dicom: "http://dicom.nema.org/resources/ontology/DCM",
  signatureType: "urn:iso-astm:E1762-95:2013",
} as const;

/** This portal's own extensions and identifiers (absolute URIs, as FHIR requires; not resolvable). */
export const portalUri = {
  preference: "https://patient-portal.example/fhir/StructureDefinition/notification-preference",
  textSha256: "https://patient-portal.example/fhir/StructureDefinition/consent-text-sha256",
  requestHash: "https://patient-portal.example/fhir/StructureDefinition/request-hash",
  consentVersion: "https://patient-portal.example/fhir/consent-text-version",
  recording: "https://patient-portal.example/fhir/StructureDefinition/video-recording",
} as const;

/** LOINC document codes from R4's consent-category value set (transcription, like recording, is a patient consent). */
export const consentCategory = {
  recordingConsent: { system: systems.loinc, code: "59284-0", display: "Patient Consent" },
  transcriptionConsent: { system: systems.loinc, code: "59284-0", display: "Patient Consent" },
  progressSharingConsent: { system: systems.loinc, code: "64292-6", display: "Release of information consent" },
} as const;

/** How each channel is written in v3 ParticipationMode (WhatsApp is a written text message too). */
export const channelMedium = {
  email: { system: systems.participationMode, code: "EMAILWRIT", display: "email" },
  sms: { system: systems.participationMode, code: "SMSWRIT", display: "SMS message" },
  whatsapp: { system: systems.participationMode, code: "SMSWRIT", display: "SMS message" },
} as const;

/** DICOM audit event ids FHIR R4's AuditEvent uses. */
export const auditTypes = {
  patientRecord: { system: systems.dicom, code: "110110", display: "Patient Record" },
  export: { system: systems.dicom, code: "110106", display: "Export" },
} as const;

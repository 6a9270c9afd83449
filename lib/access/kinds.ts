/** What a staff member read of a patient's record: the `what` of an access-log row, with the words a patient reads. */
export const accessKinds = {
  schedule: "Schedule entry",
  patient_list: "Name in the clinician's patient list",
  progress_notes: "Progress notes",
  video_session: "Video session",
  appointment_changes: "Appointment history",
  consent_ledger: "Consent and preference history",
  deliveries: "Messages sent to you",
  coming_up: "Messages coming up for you",
  progress_sharing: "Progress sharing record",
  video_sessions: "Video session records",
  inbound_messages: "Your text replies to the clinic",
  roster: "Name and contact in the clinic's list of people",
} as const;
export type AccessKind = keyof typeof accessKinds;
export const accessKindNames = Object.keys(accessKinds) as [AccessKind, ...AccessKind[]];

/** A CSV export of a list is logged as `csv_export:<kind>`, one row per patient in the file. */
export const csvExportOf = (kind: AccessKind) => `csv_export:${kind}`;

export function accessKindLabel(what: string): string {
  if (what.startsWith("csv_export:")) {
    const kind = what.slice("csv_export:".length) as AccessKind;
    return `CSV export: ${(accessKinds[kind] ?? kind).toLowerCase()}`;
  }
  return accessKinds[what as AccessKind] ?? what;
}

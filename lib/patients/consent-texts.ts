// The consent wording patients agree to; a new wording gets a new version, and the ledger records which one.
export type ConsentField = "recordingConsent" | "progressSharingConsent";

export const consentTexts: Record<ConsentField, { title: string; version: string; text: string }> = {
  recordingConsent: {
    title: "Recording of video visits",
    version: "recording-2026-01",
    text:
      "I agree that my video visits with my clinician may be recorded (video and audio). Recordings are kept in the " +
      "clinic's secure storage, are used only for my care and the clinic's quality review, and are never shared " +
      "outside the clinic without my separate written consent. I can withdraw this consent at any time on this page; " +
      "from then on no visit is recorded, and a recording in progress is stopped.",
  },
  progressSharingConsent: {
    title: "Sharing my progress updates",
    version: "progress-sharing-2026-01",
    text:
      "I agree that the patient-facing summaries of my progress notes may be emailed to the care contact I name on " +
      "this page. Private clinical notes are never shared. I can withdraw this consent at any time; from then on " +
      "nothing more is sent to my care contact.",
  },
};

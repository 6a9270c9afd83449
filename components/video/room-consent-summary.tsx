/**
 * Both things a room may do only with everyone's consent, in one line ("Recording on · Transcription off"), and who
 * keeps transcription off (recording's reason is the recording banner's). Shown on every side of a started visit.
 */
export function RoomConsentSummary({
  recording,
  transcribing,
  transcriptionOffReason = null,
}: {
  recording: boolean;
  transcribing: boolean;
  /** "Transcription is off: the clinician has not consented", while someone keeps it off */
  transcriptionOffReason?: string | null;
}) {
  return (
    <div aria-live="polite" className="rounded-lg border border-slate-300 bg-white p-3 text-sm">
      <p className="font-medium" data-testid="consent-summary">
        Recording {recording ? "on" : "off"} · Transcription {transcribing ? "on" : "off"}
      </p>
      {!transcribing && transcriptionOffReason ? (
        <p className="mt-1 text-slate-700" data-testid="transcription-off-reason">
          {transcriptionOffReason}.
        </p>
      ) : null}
    </div>
  );
}

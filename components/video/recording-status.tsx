/** The recording state as the server holds it; the banner whenever recording is off for lack of consent. */
export function RecordingStatus({
  recording,
  stopping = false,
  started,
  firstName,
  consentGivenOn,
  offReason = null,
}: {
  recording: boolean;
  stopping?: boolean;
  started: boolean;
  firstName: string;
  consentGivenOn: string | null;
  /** someone other than the patient keeps it off ("Recording is off: the interpreter has not consented") */
  offReason?: string | null;
}) {
  if (stopping) {
    return (
      <div role="alert" className="rounded-lg border-2 border-red-600 bg-red-50 p-4 font-semibold text-red-900">
        {firstName} withdrew consent: recording is being stopped.
      </div>
    );
  }
  if (!recording && offReason) {
    return (
      <div role="alert" className="rounded-lg border-2 border-red-600 bg-red-50 p-4 font-semibold text-red-900">
        {offReason}.
      </div>
    );
  }
  if (!recording) {
    return (
      <div role="alert" className="rounded-lg border-2 border-red-600 bg-red-50 p-4 font-semibold text-red-900">
        Recording is off: {firstName} has not consented to session recording.
      </div>
    );
  }
  return (
    <p
      role="status"
      className="flex items-center gap-2 rounded-lg border border-brand-600 bg-brand-50 p-3 text-brand-800"
    >
      <span aria-hidden className="inline-block h-3 w-3 rounded-full bg-red-600" />
      {started ? "Recording" : `Recording will be on — consent given on ${consentGivenOn ?? "file"}`}
    </p>
  );
}

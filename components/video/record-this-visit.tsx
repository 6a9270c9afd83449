/**
 * The patient's answer for this visit before joining; "Not this time" leaves their stored consent as it is. Asked
 * about transcription, the same question for that consent.
 */
export function RecordThisVisit({
  consentGivenOn,
  value,
  onChange,
  question = "record",
}: {
  consentGivenOn: string;
  value: boolean;
  onChange: (record: boolean) => void;
  question?: "record" | "transcribe";
}) {
  const name = `${question}-this-visit`;
  return (
    <fieldset className="space-y-2 rounded-lg border border-slate-300 p-3">
      <legend className="px-1 font-medium">
        {question === "record"
          ? `You agreed on ${consentGivenOn} — record this visit?`
          : `You agreed to transcription on ${consentGivenOn} — transcribe this visit?`}
      </legend>
      <div className="flex flex-wrap gap-4">
        <label className="flex items-center gap-2">
          <input type="radio" name={name} checked={value} onChange={() => onChange(true)} />
          Yes
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name={name} checked={!value} onChange={() => onChange(false)} />
          Not this time
        </label>
      </div>
    </fieldset>
  );
}

/** The patient's answer for this visit before joining; "Not this time" leaves their stored consent as it is. */
export function RecordThisVisit({
  consentGivenOn,
  value,
  onChange,
}: {
  consentGivenOn: string;
  value: boolean;
  onChange: (record: boolean) => void;
}) {
  return (
    <fieldset className="space-y-2 rounded-lg border border-slate-300 p-3">
      <legend className="px-1 font-medium">You agreed on {consentGivenOn} — record this visit?</legend>
      <div className="flex flex-wrap gap-4">
        <label className="flex items-center gap-2">
          <input type="radio" name="record-this-visit" checked={value} onChange={() => onChange(true)} />
          Yes
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="record-this-visit" checked={!value} onChange={() => onChange(false)} />
          Not this time
        </label>
      </div>
    </fieldset>
  );
}

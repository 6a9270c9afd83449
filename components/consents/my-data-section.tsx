/** Links to the patient's own record: a readable page to print, and the same record as FHIR R4 JSON. */
export function MyDataSection() {
  return (
    <div className="space-y-2 text-sm">
      <p className="text-slate-600">
        Your record as we hold it: your choices and their history, the consents you gave with their texts, the messages
        we sent or did not send, your visits, your progress summaries and who at the clinic looked at your record. Each
        download is recorded in your history.
      </p>
      <ul className="flex flex-wrap gap-x-6 gap-y-2">
        <li>
          {/* Plain links: full page loads, so the download and the printable page get their own headers. */}
          <a href="/my-data" className="font-medium text-brand-700 underline">
            View my record (printable)
          </a>
        </li>
        <li>
          <a href="/api/my-data/fhir" download className="font-medium text-brand-700 underline">
            Download my record (FHIR R4 JSON)
          </a>
        </li>
      </ul>
    </div>
  );
}

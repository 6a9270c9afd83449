import { formatDateTime, formatDay, formatTime } from "@/lib/format";
import type { VisitReceipt } from "@/lib/video/receipts";

/** The visit's recording receipt, as the patient reads it, in their zone: when, on whose consent, what became of it. */
export function VisitReceiptView({ receipt, timeZone }: { receipt: VisitReceipt; timeZone: string }) {
  const time = (moment: Date) => formatTime(moment, timeZone);
  return (
    <div className="mt-2 rounded border border-slate-200 bg-slate-50 p-3 text-sm" data-testid="visit-receipt">
      <p className="font-medium">Recording receipt</p>
      {receipt.notRecorded ? <p>{receipt.notRecorded}</p> : null}
      {receipt.intervals.length > 0 ? (
        <ul className="list-disc pl-5">
          {receipt.intervals.map((interval) => (
            <li key={interval.from.toISOString()} data-testid="recorded-interval">
              Recorded from {time(interval.from)}
              {interval.to ? ` to ${time(interval.to)}` : ", recording now"}
              {interval.stopped ? `: ${interval.stopped}.` : "."}
            </li>
          ))}
        </ul>
      ) : null}
      {receipt.transcribed.length > 0 ? (
        <ul className="list-disc pl-5">
          {receipt.transcribed.map((interval) => (
            <li key={interval.from.toISOString()} data-testid="transcribed-interval">
              Transcribed from {time(interval.from)}
              {interval.to ? ` to ${time(interval.to)}` : ", transcribing now"}
              {interval.stopped ? `: ${interval.stopped}.` : "."}
            </li>
          ))}
        </ul>
      ) : (
        <p data-testid="not-transcribed">Not transcribed.</p>
      )}
      {receipt.consent ? (
        <p data-testid="receipt-consent">
          On your consent
          {receipt.consent.patient
            ? ` given on ${formatDay(receipt.consent.patient.givenAt, timeZone)}${
                receipt.consent.patient.version ? ` (consent text ${receipt.consent.patient.version})` : ""
              }`
            : ""}
          {receipt.consent.others ? ` and the consent of ${receipt.consent.others}` : ""}.
        </p>
      ) : null}
      {receipt.deletions.map((deletion) => (
        <p key={deletion.reason} data-testid="receipt-deletion">
          The recording was deleted on {formatDateTime(deletion.at, timeZone)} because {deletion.reason}.
        </p>
      ))}
      {receipt.deletionPending ? <p>The recording is being deleted.</p> : null}
      {receipt.kept ? (
        <p>The recording is kept with your health record, under the clinic&apos;s records retention.</p>
      ) : null}
    </div>
  );
}

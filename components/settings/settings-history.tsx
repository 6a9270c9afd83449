import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import { actorLabel, displayValue, fieldLabels } from "@/lib/patients/fields";
import type { LedgerRow } from "@/lib/patients/queries";

type Props = {
  rows: LedgerRow[];
  timeZone: string;
  /** More changes exist than are shown. */
  more: boolean;
  /** Showing all, but the list stopped at its cap. */
  capped: boolean;
  /** Each consent version in the rows in words: "the recording consent text of 1 January 2026". */
  consentWords?: Record<string, string>;
};

const headers = ["When", "What", "Change", "By"] as const;
// Below 640 px each row is a card and each cell carries its column's name, so nothing is cut off or scrolls away.
const cell =
  "py-2 pr-4 max-sm:flex max-sm:gap-2 max-sm:py-0.5 max-sm:pr-0 max-sm:before:w-16 max-sm:before:shrink-0 max-sm:before:font-medium max-sm:before:text-slate-600 max-sm:before:content-[attr(data-label)]";

export function SettingsHistory({ rows, timeZone, more, capped, consentWords = {} }: Props) {
  if (rows.length === 0) return <p className="text-slate-600">No changes yet.</p>;
  return (
    <>
      <table className="w-full text-left text-sm max-sm:block">
        <caption className="sr-only">Changes to your settings, newest first</caption>
        <thead className="border-b border-slate-200 text-slate-600 max-sm:sr-only">
          <tr>
            {headers.map((header) => (
              <th key={header} scope="col" className="py-2 pr-4 font-medium">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="max-sm:block max-sm:space-y-2">
          {rows.map((row) => (
            <tr
              key={row.id}
              className="border-b border-slate-100 align-top max-sm:block max-sm:rounded max-sm:border max-sm:border-slate-200 max-sm:p-2"
              data-testid="history-row"
            >
              <td className={cell} data-label="When">
                {formatDateTime(row.createdAt, timeZone)}
              </td>
              <td className={cell} data-label="What">
                <span>
                  {fieldLabels[row.field] ?? row.field}
                  {row.consentVersion ? (
                    <span className="block text-xs text-slate-600">
                      {consentWords[row.consentVersion] ?? "an earlier consent text"}
                    </span>
                  ) : null}
                </span>
              </td>
              <td className={cell} data-label="Change">
                {displayValue(row.field, row.oldValue)} → {displayValue(row.field, row.newValue)}
              </td>
              <td className={cell} data-label="By">
                {actorLabel(row.actorKind, row.requestMeans)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {more ? (
        <p className="mt-3 text-sm">
          Showing your latest {rows.length} changes.{" "}
          <Link href="/settings?history=all#history" className="font-medium text-brand-700 underline">
            Show all changes
          </Link>
        </p>
      ) : null}
      {capped ? (
        <p className="mt-3 text-sm text-slate-600">
          Showing your latest {rows.length.toLocaleString("en-GB")} changes. Your clinic can export the full history for
          you.
        </p>
      ) : null}
    </>
  );
}

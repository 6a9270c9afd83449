import Link from "next/link";
import { cell, rowClass, Table } from "@/components/ui/table";
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
};

export function SettingsHistory({ rows, timeZone, more, capped }: Props) {
  return (
    <>
      <Table
        caption="Changes to your settings, newest first"
        headers={["When", "What", "Change", "By"]}
        empty="No changes yet."
        isEmpty={rows.length === 0}
      >
        {rows.map((row) => (
          <tr key={row.id} className={rowClass} data-testid="history-row">
            <td className={cell}>{formatDateTime(row.createdAt, timeZone)}</td>
            <td className={cell}>
              {fieldLabels[row.field] ?? row.field}
              {row.consentVersion ? (
                <span className="block text-xs text-slate-500">text version {row.consentVersion}</span>
              ) : null}
            </td>
            <td className={cell}>
              {displayValue(row.field, row.oldValue)} → {displayValue(row.field, row.newValue)}
            </td>
            <td className={cell}>{actorLabel(row.actorKind, row.requestMeans)}</td>
          </tr>
        ))}
      </Table>
      {more ? (
        <p className="mt-3 text-sm">
          Showing your latest {rows.length} changes.{" "}
          <Link href="/settings?history=all#history-heading" className="font-medium text-brand-700 underline">
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

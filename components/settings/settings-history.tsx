import { cell, rowClass, Table } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { actorLabels, displayValue, fieldLabels } from "@/lib/patients/fields";
import type { LedgerRow } from "@/lib/patients/queries";

export function SettingsHistory({ rows, timeZone }: { rows: LedgerRow[]; timeZone: string }) {
  return (
    <Table caption="Changes to your settings, newest first" headers={["When", "What", "Change", "By"]} empty="No changes yet." isEmpty={rows.length === 0}>
      {rows.map((row) => (
        <tr key={row.id} className={rowClass} data-testid="history-row">
          <td className={cell}>{formatDateTime(row.createdAt, timeZone)}</td>
          <td className={cell}>
            {fieldLabels[row.field] ?? row.field}
            {row.consentVersion ? <span className="block text-xs text-slate-500">text version {row.consentVersion}</span> : null}
          </td>
          <td className={cell}>
            {displayValue(row.field, row.oldValue)} → {displayValue(row.field, row.newValue)}
          </td>
          <td className={cell}>{actorLabels[row.actorKind]}</td>
        </tr>
      ))}
    </Table>
  );
}

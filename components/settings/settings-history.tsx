import { formatDateTime } from "@/lib/format";
import { actorLabels, displayValue, fieldLabels } from "@/lib/patients/fields";
import type { LedgerRow } from "@/lib/patients/queries";

export function SettingsHistory({ rows, timeZone }: { rows: LedgerRow[]; timeZone: string }) {
  if (rows.length === 0) return <p className="text-slate-600">No changes yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Changes to your settings, newest first</caption>
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">When</th>
            <th scope="col" className="py-2 pr-4 font-medium">What</th>
            <th scope="col" className="py-2 pr-4 font-medium">Change</th>
            <th scope="col" className="py-2 font-medium">By</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-slate-100" data-testid="history-row">
              <td className="py-2 pr-4">{formatDateTime(row.createdAt, timeZone)}</td>
              <td className="py-2 pr-4">
                {fieldLabels[row.field] ?? row.field}
                {row.consentVersion ? <span className="block text-xs text-slate-500">text version {row.consentVersion}</span> : null}
              </td>
              <td className="py-2 pr-4">
                {displayValue(row.field, row.oldValue)} → {displayValue(row.field, row.newValue)}
              </td>
              <td className="py-2">{actorLabels[row.actorKind]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

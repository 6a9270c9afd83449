import { cell, rowClass, Table } from "@/components/ui/table";
import type { RosterAuditRow } from "@/db/schema";
import { formatDateTime } from "@/lib/format";
import { rosterActions } from "@/lib/roster/actions";

type Row = Pick<RosterAuditRow, "id" | "action" | "details" | "requestHash" | "createdAt"> & {
  actorName: string | null;
  actorEmail: string | null;
  subjectName: string | null;
  subjectEmail: string | null;
};

/** What changed, as "key: value" pairs; a clinician id is shown by name. */
function describe(details: Row["details"], clinicianNames: Map<string, string>): string {
  return Object.entries(details)
    .map(([key, value]) =>
      key === "clinicianId" ? `clinician: ${clinicianNames.get(String(value)) ?? value}` : `${key}: ${value}`,
    )
    .join(", ");
}

/** The append-only record of roster changes, newest first. */
export function RosterAuditTable({ rows, clinicianNames }: { rows: Row[]; clinicianNames: Map<string, string> }) {
  return (
    <Table
      caption="Roster changes, newest first"
      headers={["When (UTC)", "Who", "What", "About", "Details", "Request"]}
      empty="No roster changes yet."
      isEmpty={rows.length === 0}
    >
      {rows.map((row) => (
        <tr key={row.id} className={rowClass} data-testid="roster-audit-row">
          <td className={cell}>{formatDateTime(row.createdAt, "UTC")}</td>
          <td className={cell}>{row.actorEmail ? (row.actorName ?? row.actorEmail) : "admin:create command"}</td>
          <td className={cell}>{rosterActions[row.action] ?? row.action}</td>
          <td className={cell}>{row.subjectName ?? row.subjectEmail ?? "—"}</td>
          <td className={cell}>{describe(row.details, clinicianNames)}</td>
          <td className={`${cell} font-mono text-xs`}>{row.requestHash?.slice(0, 12) ?? "—"}</td>
        </tr>
      ))}
    </Table>
  );
}

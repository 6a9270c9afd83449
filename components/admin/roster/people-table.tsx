import { cell, rowClass, Table } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { RosterButton } from "./roster-button";

type Person = {
  id: string;
  name: string | null;
  email: string;
  role: "patient" | "clinician" | "admin";
  deactivatedAt: Date | null;
  createdAt: Date;
  clinicians: { clinicianId: string; clinicianName: string }[];
};

/** The roster: each person's status and, for patients, their clinicians, with the changes an admin can make. */
export function PeopleTable({
  people,
  clinicians,
  selfId,
}: {
  people: Person[];
  clinicians: { id: string; name: string }[];
  selfId: string;
}) {
  return (
    <Table
      caption="People, newest first"
      headers={["Person", "Role", "Status", "Clinicians", "Actions"]}
      empty="Nobody matches."
      isEmpty={people.length === 0}
    >
      {people.map((person) => {
        const name = person.name || person.email;
        const assigned = new Set(person.clinicians.map((c) => c.clinicianId));
        const assignable = clinicians.filter((c) => !assigned.has(c.id));
        return (
          <tr key={person.id} className={rowClass} data-testid="person-row" data-email={person.email}>
            <td className={cell}>
              {name}
              <span className="block text-xs text-slate-600">{person.email}</span>
            </td>
            <td className={cell}>{person.role}</td>
            <td className={cell}>
              {person.deactivatedAt ? `Deactivated ${formatDateTime(person.deactivatedAt, "UTC")}` : "Active"}
            </td>
            <td className={cell}>
              {person.role !== "patient" ? (
                "—"
              ) : (
                <div className="space-y-1">
                  {person.clinicians.map((c) => (
                    <div key={c.clinicianId} className="flex flex-wrap items-center gap-2">
                      <span>{c.clinicianName}</span>
                      <RosterButton
                        kind="unassign"
                        fields={{ patientId: person.id, clinicianId: c.clinicianId }}
                        label="Remove"
                        accessibleLabel={`Remove ${c.clinicianName} from ${name}`}
                      />
                    </div>
                  ))}
                  {assignable.length > 0 ? (
                    <RosterButton
                      kind="assign"
                      fields={{ patientId: person.id }}
                      label="Assign"
                      accessibleLabel={`Assign the chosen clinician to ${name}`}
                    >
                      <select
                        name="clinicianId"
                        aria-label={`Clinician for ${name}`}
                        className="rounded border border-slate-300 px-1 py-1 text-xs"
                      >
                        {assignable.map((c) => (
                          <option key={c.id} value={c.id}>
                            {c.name}
                          </option>
                        ))}
                      </select>
                    </RosterButton>
                  ) : null}
                </div>
              )}
            </td>
            <td className={cell}>
              <div className="flex flex-col gap-1">
                {person.deactivatedAt ? (
                  <RosterButton
                    kind="reactivate"
                    fields={{ userId: person.id }}
                    label="Reactivate"
                    accessibleLabel={`Reactivate ${name}`}
                  />
                ) : person.id === selfId ? (
                  <span className="text-xs text-slate-600">You</span>
                ) : (
                  <>
                    <RosterButton
                      kind="deactivate"
                      fields={{ userId: person.id }}
                      label="Deactivate"
                      accessibleLabel={`Deactivate ${name}`}
                      danger
                    />
                    <RosterButton
                      kind="sendLink"
                      fields={{ userId: person.id }}
                      label="Send sign-in link"
                      accessibleLabel={`Send ${name} a sign-in link`}
                    />
                  </>
                )}
              </div>
            </td>
          </tr>
        );
      })}
    </Table>
  );
}

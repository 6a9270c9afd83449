import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { InviteForm } from "@/components/admin/roster/invite-form";
import { PeopleTable } from "@/components/admin/roster/people-table";
import { RosterAuditTable } from "@/components/admin/roster/roster-audit-table";
import { db } from "@/db/client";
import { withStaffAccess } from "@/lib/access/record";
import { requirePageRole } from "@/lib/auth/session";
import { clinicianNames, listActiveClinicians, listPeople, listRosterAudit, PEOPLE_PAGE } from "@/lib/roster/queries";
import { plainText } from "@/lib/validation";

export const metadata: Metadata = { title: "People" };

// Unknown filter values are dropped rather than refused, as on the other admin lists.
const filterSchema = z.object({
  q: plainText({ max: 254 }).optional().catch(undefined),
  role: z.enum(["patient", "clinician", "admin"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

export default async function PeoplePage({ searchParams }: PageProps<"/admin/people">) {
  const admin = await requirePageRole("admin");
  const filter = filterSchema.parse(await searchParams);
  const page = filter.page ?? 1;
  // One batch: every patient shown (in the list or the audit) is one access-log row, written in one insert.
  const [{ people, total }, clinicians, audit, names] = await withStaffAccess(admin, () =>
    Promise.all([
      listPeople(db(), { q: filter.q || undefined, role: filter.role }, page),
      listActiveClinicians(db()),
      listRosterAudit(db()),
      clinicianNames(db()),
    ]),
  );
  const pages = Math.max(1, Math.ceil(total / PEOPLE_PAGE));
  const pageHref = (to: number) =>
    `/admin/people?${new URLSearchParams({ ...(filter.q ? { q: filter.q } : {}), ...(filter.role ? { role: filter.role } : {}), page: String(to) })}`;
  return (
    <section className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">People</h1>
        <p className="mt-1 text-slate-600">
          Invite patients and clinicians, assign patients to clinicians, deactivate and reactivate accounts. Patients in
          bulk:{" "}
          <Link href="/admin/people/import" className="text-brand-700 underline">
            import a CSV file
          </Link>
          .
        </p>
      </div>
      <section aria-labelledby="invite-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="invite-heading" className="mb-3 text-lg font-semibold">
          Invite someone
        </h2>
        <InviteForm clinicians={clinicians} />
      </section>
      <section aria-labelledby="people-heading">
        <h2 id="people-heading" className="text-lg font-semibold">
          Everyone ({total})
        </h2>
        <form className="mt-2 flex flex-wrap items-end gap-3 text-sm" role="search" aria-label="Filter people">
          <label className="flex flex-col">
            Name or email contains
            <input name="q" defaultValue={filter.q} className="rounded border border-slate-300 px-2 py-1" />
          </label>
          <label className="flex flex-col">
            Role
            <select name="role" defaultValue={filter.role ?? ""} className="rounded border border-slate-300 px-2 py-1">
              <option value="">Any</option>
              <option value="patient">Patient</option>
              <option value="clinician">Clinician</option>
              <option value="admin">Admin</option>
            </select>
          </label>
          <button className="rounded bg-brand-600 px-3 py-1.5 font-medium text-white">Filter</button>
        </form>
        <div className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
          <PeopleTable people={people} clinicians={clinicians} selfId={admin.id} />
        </div>
        {pages > 1 ? (
          <nav aria-label="Pages of people" className="mt-2 flex gap-4 text-sm">
            {page > 1 ? (
              <Link href={pageHref(page - 1)} className="text-brand-700 underline">
                Previous page
              </Link>
            ) : null}
            <span>
              Page {page} of {pages}
            </span>
            {page < pages ? (
              <Link href={pageHref(page + 1)} className="text-brand-700 underline">
                Next page
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
      <section aria-labelledby="audit-heading">
        <h2 id="audit-heading" className="text-lg font-semibold">
          Roster changes
        </h2>
        <p className="text-sm text-slate-600">
          Every invitation, import, deactivation, reactivation and assignment: who, what and when (the latest 50). This
          record cannot be changed.
        </p>
        <div className="mt-3 rounded-lg border border-slate-200 bg-white p-4">
          <RosterAuditTable rows={audit} clinicianNames={names} />
        </div>
      </section>
    </section>
  );
}

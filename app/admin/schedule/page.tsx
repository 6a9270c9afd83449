import type { Metadata } from "next";
import { db } from "@/db/client";
import { listClinicians } from "@/lib/appointments/queries";
import { requirePageRole } from "@/lib/auth/session";
import { SchedulePanel, loadSchedulePanelFor } from "@/app/schedule/schedule-panel";

export const metadata: Metadata = { title: "Clinic schedule" };

/** Admins pick a clinician, then see and book on their schedule (and may override the rules with a reason). */
export default async function AdminSchedulePage({ searchParams }: PageProps<"/admin/schedule">) {
  const admin = await requirePageRole("admin");
  const chosen = (await searchParams).clinician;
  const clinicians = await listClinicians(db());
  const clinician = clinicians.find((c) => typeof chosen === "string" && c.id === chosen);
  const panel = clinician ? await loadSchedulePanelFor(admin, clinician.id, true) : null;
  return (
    <section>
      <h1 className="text-2xl font-semibold">Clinic schedule</h1>
      <form className="mt-4 flex flex-wrap items-end gap-2" role="search">
        <label htmlFor="clinician" className="text-sm font-medium">
          Clinician
        </label>
        <select id="clinician" name="clinician" defaultValue={clinician?.id} className="rounded border px-2 py-1">
          {clinicians.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <button className="rounded border border-slate-300 px-3 py-1">Show</button>
      </form>
      {clinician && panel ? (
        <SchedulePanel clinician={clinician} asAdmin data={panel} />
      ) : (
        <p className="mt-4 text-slate-600">Choose a clinician to see their schedule, book, or set their hours.</p>
      )}
    </section>
  );
}

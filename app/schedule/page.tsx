import type { Metadata } from "next";
import { db } from "@/db/client";
import { AppointmentList } from "@/components/appointments/appointment-list";
import { listClinicians, listRecentVisitsForClinician, timeZoneOfClinician } from "@/lib/appointments/queries";
import { requirePageRole } from "@/lib/auth/session";
import { SchedulePanel } from "./schedule-panel";

export const metadata: Metadata = { title: "Your schedule" };

export default async function ClinicianHomePage({ searchParams }: PageProps<"/schedule">) {
  const user = await requirePageRole("clinician", "admin");
  if (user.role === "admin") return <AdminSchedule chosen={(await searchParams).clinician} />;
  const [timeZone, recent] = await Promise.all([
    timeZoneOfClinician(db(), user.id),
    listRecentVisitsForClinician(db(), user.id),
  ]);
  return (
    <section>
      <h1 className="text-2xl font-semibold">Your schedule</h1>
      <SchedulePanel clinician={{ id: user.id, name: user.name ?? "", timeZone }} asAdmin={false} />
      <section aria-labelledby="recent-heading" className="mt-10">
        <h2 id="recent-heading" className="text-lg font-semibold">
          Recent visits
        </h2>
        <p className="text-sm text-slate-600">The last 60 days. Write progress notes here after a visit.</p>
        <AppointmentList
          items={recent.map((item) => ({ ...item, withWhom: `${item.patientFirstName} ${item.patientLastName}` }))}
          timeZone={timeZone}
          emptyText="No visits in the last 60 days."
          label="Recent visits"
          action={(item) => ({ href: `/schedule/${item.id}/notes`, label: "Progress notes" })}
        />
      </section>
    </section>
  );
}

/** Admins pick a clinician, then see and book on their schedule (and may override the rules with a reason). */
async function AdminSchedule({ chosen }: { chosen: string | string[] | undefined }) {
  const clinicians = await listClinicians(db());
  const clinician = clinicians.find((c) => typeof chosen === "string" && c.id === chosen);
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
      {clinician ? (
        <SchedulePanel clinician={clinician} asAdmin />
      ) : (
        <p className="mt-4 text-slate-600">Choose a clinician to see their schedule, book, or set their hours.</p>
      )}
    </section>
  );
}

import type { Metadata } from "next";
import { db } from "@/db/client";
import { AppointmentList } from "@/components/appointments/appointment-list";
import { listRecentVisitsForClinician, timeZoneOfClinician } from "@/lib/appointments/queries";
import { requirePageRole } from "@/lib/auth/session";
import { withStaffAccess } from "@/lib/access/record";
import { SchedulePanel, loadSchedulePanel } from "./schedule-panel";

export const metadata: Metadata = { title: "Your schedule" };

export default async function ClinicianHomePage() {
  const user = await requirePageRole("clinician");
  // One batch: the three lists' patients are written to the access log in one insert.
  const [timeZone, panel, recent] = await withStaffAccess(user, () =>
    Promise.all([
      timeZoneOfClinician(db(), user.id),
      loadSchedulePanel(user.id, false),
      listRecentVisitsForClinician(db(), user.id),
    ]),
  );
  return (
    <section>
      <h1 className="text-2xl font-semibold">Your schedule</h1>
      <SchedulePanel clinician={{ id: user.id, name: user.name ?? "", timeZone }} asAdmin={false} data={panel} />
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

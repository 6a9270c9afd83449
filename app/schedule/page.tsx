import type { Metadata } from "next";
import { db } from "@/db/client";
import { AppointmentList } from "@/components/appointments/appointment-list";
import { listScheduleForClinician, timeZoneOfClinician } from "@/lib/appointments/queries";
import { requirePageRole } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Your schedule" };

export default async function ClinicianHomePage() {
  const user = await requirePageRole("clinician");
  const [timeZone, schedule] = await Promise.all([timeZoneOfClinician(db(), user.id), listScheduleForClinician(db(), user.id)]);
  return (
    <section>
      <h1 className="text-2xl font-semibold">Your schedule</h1>
      <p className="mt-1 text-sm text-slate-600">Times are shown in {timeZone}.</p>
      <AppointmentList
        items={schedule.map((item) => ({ ...item, withWhom: `${item.patientFirstName} ${item.patientLastName}` }))}
        timeZone={timeZone}
        emptyText="No appointments ahead."
        action={(item) =>
          item.modality === "telehealth" && item.status === "scheduled"
            ? { href: `/sessions/${item.id}`, label: "Start video session" }
            : null
        }
      />
    </section>
  );
}

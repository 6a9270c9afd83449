import type { Metadata } from "next";
import { db } from "@/db/client";
import { AppointmentList } from "@/components/appointments/appointment-list";
import { AppointmentControls } from "@/components/appointments/appointment-controls";
import { BookAppointmentForm } from "@/components/appointments/book-appointment-form";
import {
  listPatientsOfClinician,
  listRecentVisitsForClinician,
  listScheduleForClinician,
  timeZoneOfClinician,
} from "@/lib/appointments/queries";
import { utcToZonedInput } from "@/lib/zoned-time";
import { requirePageRole } from "@/lib/auth/session";
import { withStaffAccess } from "@/lib/access/record";

export const metadata: Metadata = { title: "Your schedule" };

export default async function ClinicianHomePage() {
  const user = await requirePageRole("clinician");
  // One batch: the three lists' patients are written to the access log in one insert.
  const [timeZone, schedule, patients, recent] = await withStaffAccess(user, () =>
    Promise.all([
      timeZoneOfClinician(db(), user.id),
      listScheduleForClinician(db(), user.id),
      listPatientsOfClinician(db(), user.id),
      listRecentVisitsForClinician(db(), user.id),
    ]),
  );
  return (
    <section>
      <h1 className="text-2xl font-semibold">Your schedule</h1>
      <p className="mt-1 text-sm text-slate-600">Times are shown in {timeZone}.</p>
      <AppointmentList
        items={schedule.map((item) => ({ ...item, withWhom: `${item.patientFirstName} ${item.patientLastName}` }))}
        timeZone={timeZone}
        emptyText="No appointments ahead."
        label="Upcoming appointments"
        action={(item) =>
          item.modality === "telehealth" && item.status === "scheduled"
            ? { href: `/sessions/${item.id}`, label: "Start video session" }
            : null
        }
        controls={(item) =>
          item.status === "scheduled" ? (
            <AppointmentControls appointmentId={item.id} localStartsAt={utcToZonedInput(item.startsAt, timeZone)} />
          ) : null
        }
      />
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
      <section aria-labelledby="book-heading" className="mt-10 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="book-heading" className="mb-3 text-lg font-semibold">
          Book an appointment
        </h2>
        <BookAppointmentForm patients={patients.map((p) => ({ id: p.id, name: `${p.firstName} ${p.lastName}` }))} />
      </section>
    </section>
  );
}

import Link from "next/link";
import { db } from "@/db/client";
import type { SessionUser } from "@/lib/auth/session";
import { withStaffAccess } from "@/lib/access/record";
import { AppointmentControls } from "@/components/appointments/appointment-controls";
import { BookAppointmentForm } from "@/components/appointments/book-appointment-form";
import { ScheduleDays } from "@/components/appointments/schedule-days";
import { listAllPatients, listPatientsOfClinician, listScheduleForClinician } from "@/lib/appointments/queries";
import { viewerLocale } from "@/lib/viewer-locale";
import { utcToZonedInput } from "@/lib/zoned-time";

type PanelData = {
  schedule: Awaited<ReturnType<typeof listScheduleForClinician>>;
  patients: Awaited<ReturnType<typeof listAllPatients>>;
  now: Date;
};

/** The panel's staff reads, for a page to run inside its own withStaffAccess batch (one access-log insert). */
export async function loadSchedulePanel(clinicianId: string, asAdmin: boolean): Promise<PanelData> {
  const now = new Date();
  const [schedule, patients] = await Promise.all([
    listScheduleForClinician(db(), clinicianId, now),
    asAdmin ? listAllPatients(db()) : listPatientsOfClinician(db(), clinicianId),
  ]);
  return { schedule, patients, now };
}

/** The same reads as their own logged batch, for a page with no other staff reads. */
export const loadSchedulePanelFor = (viewer: SessionUser, clinicianId: string, asAdmin: boolean) =>
  withStaffAccess(viewer, () => loadSchedulePanel(clinicianId, asAdmin));

/** One clinician's schedule by day and the booking form: the clinician's own page, or an admin's view of it. */
export async function SchedulePanel({
  clinician,
  asAdmin,
  data: { schedule, patients, now },
}: {
  clinician: { id: string; name: string; timeZone: string };
  asAdmin: boolean;
  data: PanelData;
}) {
  const locale = await viewerLocale();
  const { timeZone } = clinician;
  const hoursHref = asAdmin ? `/schedule/hours?clinician=${clinician.id}` : "/schedule/hours";
  return (
    <>
      <p className="mt-1 text-sm text-slate-600">
        Times are shown in {timeZone}.{" "}
        <Link href={hoursHref} className="text-brand-700 underline">
          Working hours
        </Link>
      </p>
      <section aria-labelledby="upcoming-heading" className="mt-6">
        <h2 id="upcoming-heading" className="text-lg font-semibold">
          Upcoming appointments
        </h2>
        <ScheduleDays
          items={schedule.map((item) => ({ ...item, patientName: `${item.patientFirstName} ${item.patientLastName}` }))}
          timeZone={timeZone}
          locale={locale}
          now={now}
          controls={(item) =>
            item.status === "scheduled" ? (
              <AppointmentControls
                appointmentId={item.id}
                localStartsAt={utcToZonedInput(item.startsAt, timeZone)}
                timeZone={timeZone}
                admin={asAdmin}
              />
            ) : null
          }
        />
      </section>
      <section aria-labelledby="book-heading" className="mt-10 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="book-heading" className="mb-3 text-lg font-semibold">
          Book an appointment
        </h2>
        <BookAppointmentForm
          patients={patients.map((p) => ({ id: p.id, name: `${p.firstName} ${p.lastName}`, timeZone: p.timeZone }))}
          timeZone={timeZone}
          clinicianId={asAdmin ? clinician.id : undefined}
          clinicianName={asAdmin ? clinician.name : undefined}
        />
      </section>
    </>
  );
}

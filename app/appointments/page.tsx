import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/db/client";
import { PatientAppointmentList } from "@/components/appointments/patient-appointment-list";
import { RefreshAt } from "@/components/appointments/refresh-at";
import { nextJoinChange } from "@/lib/appointments/join-window";
import {
  listPastAppointmentsForPatient,
  listUpcomingAppointmentsForPatient,
  timeZoneOfPatient,
} from "@/lib/appointments/queries";
import { requirePageRole } from "@/lib/auth/session";
import { receiptsForPatient } from "@/lib/video/receipts";

export const metadata: Metadata = { title: "Your appointments" };

export default async function PatientHomePage() {
  const user = await requirePageRole("patient");
  const now = new Date();
  const [timeZone, upcoming, past] = await Promise.all([
    timeZoneOfPatient(db(), user.id),
    listUpcomingAppointmentsForPatient(db(), user.id, now),
    listPastAppointmentsForPatient(db(), user.id, now),
  ]);
  // Past and current video visits that had a session carry their recording receipt.
  const videoVisits = [...upcoming, ...past].filter((item) => item.modality === "telehealth").map((item) => item.id);
  const receipts = await receiptsForPatient(db(), user.id, videoVisits);
  return (
    <div>
      <h1 className="text-2xl font-semibold">Your appointments</h1>
      <p className="mt-1 text-sm text-slate-600">Times are shown in your time zone, {timeZone}.</p>
      <section aria-labelledby="upcoming-heading" className="mt-6">
        <h2 id="upcoming-heading" className="text-lg font-semibold">
          Upcoming
        </h2>
        <PatientAppointmentList
          items={upcoming}
          timeZone={timeZone}
          now={now}
          labelledBy="upcoming-heading"
          emptyText="You have no upcoming appointments."
          receipts={receipts}
        />
      </section>
      <section aria-labelledby="past-heading" className="mt-8">
        <h2 id="past-heading" className="text-lg font-semibold">
          Past
        </h2>
        <PatientAppointmentList
          items={past}
          timeZone={timeZone}
          now={now}
          labelledBy="past-heading"
          emptyText="No appointments in the last 12 months."
          receipts={receipts}
        />
      </section>
      <RefreshAt at={nextJoinChange(upcoming, now)?.toISOString() ?? null} />
      <p className="mt-8">
        <Link href="/settings" className="text-brand-700 underline">
          Settings: how we contact you and what you consent to
        </Link>
      </p>
    </div>
  );
}

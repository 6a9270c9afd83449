import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/db/client";
import { AppointmentList } from "@/components/appointments/appointment-list";
import { listUpcomingAppointmentsForPatient, timeZoneOfPatient } from "@/lib/appointments/queries";
import { requirePageRole } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Your appointments" };

export default async function PatientHomePage() {
  const user = await requirePageRole("patient");
  const [timeZone, upcoming] = await Promise.all([
    timeZoneOfPatient(db(), user.id),
    listUpcomingAppointmentsForPatient(db(), user.id),
  ]);
  const scheduled = upcoming.filter((item) => item.status === "scheduled");
  return (
    <section>
      <h1 className="text-2xl font-semibold">Your upcoming appointments</h1>
      <p className="mt-1 text-sm text-slate-600">Times are shown in your time zone, {timeZone}.</p>
      <AppointmentList
        items={scheduled.map((item) => ({ ...item, withWhom: item.clinicianName }))}
        timeZone={timeZone}
        emptyText="You have no upcoming appointments."
        action={(item) =>
          item.modality === "telehealth" ? { href: `/visit/${item.id}`, label: "Join video visit" } : null
        }
      />
      <p className="mt-8">
        <Link href="/settings" className="text-brand-700 underline">
          Settings: how we contact you and what you consent to
        </Link>
      </p>
    </section>
  );
}

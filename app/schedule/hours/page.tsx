import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/db/client";
import { WorkingHoursForm } from "@/components/appointments/working-hours-form";
import { clinicianForRules, weeklyHoursOf } from "@/lib/appointments/rules";
import { intervalsToText } from "@/lib/appointments/working-hours";
import { requirePageRole } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Working hours" };

// A clinician edits their own hours; an admin anyone's (?clinician=<id>).
export default async function WorkingHoursPage({ searchParams }: PageProps<"/schedule/hours">) {
  const user = await requirePageRole("clinician", "admin");
  const chosen = (await searchParams).clinician;
  const clinicianId = user.role === "admin" ? (typeof chosen === "string" ? chosen.slice(0, 100) : "") : user.id;
  const clinician = clinicianId ? await clinicianForRules(db(), clinicianId) : null;
  if (!clinician) notFound();
  const hours = await weeklyHoursOf(db(), clinician.clinicianId);
  const initial = Object.fromEntries([0, 1, 2, 3, 4, 5, 6].map((day) => [day, intervalsToText(hours[day] ?? [])]));
  const back = user.role === "admin" ? `/admin/schedule?clinician=${clinician.clinicianId}` : "/schedule";
  return (
    <section className="max-w-2xl space-y-4">
      <p>
        <Link href={back} className="text-sm text-brand-700 underline">
          Back to the schedule
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">
        {user.role === "admin" ? `${clinician.displayName}'s working hours` : "Your working hours"}
      </h1>
      <p className="text-slate-700">
        Bookings and moves outside these hours are refused
        {user.role === "admin" ? " unless an admin overrides them with a reason" : ""}.
      </p>
      <WorkingHoursForm
        initial={initial}
        clinicianId={user.role === "admin" ? clinician.clinicianId : undefined}
        timeZone={clinician.timeZone}
      />
    </section>
  );
}

import type { ClinicDetails } from "@/lib/env";
import { telHref } from "@/lib/clinic";

/** How to reach the clinic, as configured (CLINIC_PHONE, CLINIC_EMAIL, CLINIC_HOURS); a plain line when nothing is. */
export function ContactDetails({ clinic }: { clinic: ClinicDetails }) {
  if (!clinic.phone && !clinic.email) {
    return <p className="mt-2 text-slate-700">Contact the clinic&apos;s reception, as you would to book.</p>;
  }
  return (
    <dl className="mt-2 space-y-1 text-slate-700">
      {clinic.phone ? (
        <div>
          <dt className="inline font-medium">Phone: </dt>
          <dd className="inline">
            <a href={telHref(clinic.phone)} className="text-brand-700 underline">
              {clinic.phone}
            </a>
            {clinic.hours ? `, ${clinic.hours}` : null}
          </dd>
        </div>
      ) : null}
      {clinic.email ? (
        <div>
          <dt className="inline font-medium">Email: </dt>
          <dd className="inline">
            <a href={`mailto:${clinic.email}`} className="text-brand-700 underline">
              {clinic.email}
            </a>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

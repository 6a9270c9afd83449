import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { TimelineEntry } from "@/components/access/timeline-entry";
import { db } from "@/db/client";
import { patientTimeline } from "@/lib/access/queries";
import { timeZoneOfPatient } from "@/lib/appointments/queries";
import { requirePageRole } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Who has seen my record" };

const pageSchema = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1) });

// The patient's own view of the access log and of everything that left the clinic about them.
export default async function RecordAccessPage({ searchParams }: PageProps<"/record-access">) {
  const user = await requirePageRole("patient");
  const { page: pageNumber } = pageSchema.parse(await searchParams);
  const [timeZone, page] = await Promise.all([
    timeZoneOfPatient(db(), user.id),
    patientTimeline(db(), user.id, pageNumber),
  ]);
  const link = "rounded border border-slate-300 px-3 py-1.5 text-brand-700 underline";
  return (
    <section>
      <h1 className="text-2xl font-semibold">Who has seen my record</h1>
      <p className="mt-1 max-w-prose text-slate-600">
        Every time a clinician or the clinic&apos;s staff looked at your information, every progress summary shared with
        your care contact, every decision to record a video visit or not, and every message sent to you. Newest first;
        times in {timeZone}. We keep this record for at least six years.
      </p>
      {page.rows.length === 0 ? <p className="mt-6 text-slate-600">Nothing yet.</p> : null}
      <ol className="mt-6 space-y-3" aria-label="Your record's history">
        {page.rows.map((item, index) => (
          <TimelineEntry key={`${item.at.toISOString()}-${index}`} item={item} timeZone={timeZone} />
        ))}
      </ol>
      <nav aria-label="Pages" className="mt-4 flex flex-wrap items-center gap-3 text-sm">
        <p>
          Page {page.page} of {page.pages} ({page.total} entries)
        </p>
        {page.page > 1 ? (
          <Link href={`/record-access?page=${page.page - 1}`} className={link}>
            Newer
          </Link>
        ) : null}
        {page.page < page.pages ? (
          <Link href={`/record-access?page=${page.page + 1}`} className={link}>
            Older
          </Link>
        ) : null}
      </nav>
    </section>
  );
}

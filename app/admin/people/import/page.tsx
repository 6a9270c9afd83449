import type { Metadata } from "next";
import Link from "next/link";
import { ImportForm } from "@/components/admin/roster/import-form";
import { requirePageRole } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Import patients" };

export default async function ImportPatientsPage() {
  await requirePageRole("admin");
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">Import patients</h1>
      <p className="text-slate-600">
        Check the file first: the dry run lists who would be created, or every invalid row with its line number and
        reason. Nothing is written unless every row is valid; then all patients are created at once. Imported patients
        are not emailed: send each a sign-in link from{" "}
        <Link href="/admin/people" className="text-brand-700 underline">
          People
        </Link>
        , or they ask for one on the sign-in page.
      </p>
      <ImportForm />
    </section>
  );
}

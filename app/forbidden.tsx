import Link from "next/link";

export default function Forbidden() {
  return (
    <section className="rounded-lg border border-amber-300 bg-amber-50 p-6">
      <h1 className="text-xl font-semibold">You do not have access to this page</h1>
      <p className="mt-2 text-slate-700">This page is for a different role. Nothing on it was shown to you.</p>
      <Link href="/" className="mt-4 inline-block text-brand-700 underline">
        Go to your home page
      </Link>
    </section>
  );
}

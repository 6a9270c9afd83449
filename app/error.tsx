"use client";

import Link from "next/link";

// A page that failed on the server: say so plainly, offer a retry, never show the error's text (it may hold PHI).
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section role="alert" className="rounded-lg border border-red-300 bg-red-50 p-6">
      <h1 className="text-xl font-semibold">Something went wrong on our side</h1>
      <p className="mt-2 text-slate-700">
        Nothing you saved was lost. Please try again; if it keeps happening, contact the clinic
        {error.digest ? ` and quote reference ${error.digest}` : ""}.
      </p>
      <div className="mt-4 flex gap-4">
        <button type="button" onClick={reset} className="rounded bg-brand-700 px-4 py-2 font-medium text-white">
          Try again
        </button>
        <Link href="/" className="self-center text-brand-700 underline">
          Go to your home page
        </Link>
      </div>
    </section>
  );
}

"use client";

import "./globals.css";

// Replaces the root layout when the layout itself fails; styled by classes only, so the nonce CSP allows it.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col font-sans">
        <main id="main" className="mx-auto w-full max-w-4xl flex-1 px-4 py-8">
          <section role="alert" className="rounded-lg border border-red-300 bg-red-50 p-6">
            <h1 className="text-xl font-semibold">The portal could not load this page</h1>
            <p className="mt-2 text-slate-700">
              Nothing you saved was lost. Please try again in a moment
              {error.digest ? `; if it keeps happening, contact the clinic and quote reference ${error.digest}` : ""}.
            </p>
            <button
              type="button"
              onClick={reset}
              className="mt-4 rounded bg-brand-700 px-4 py-2 font-medium text-white"
            >
              Try again
            </button>
          </section>
        </main>
      </body>
    </html>
  );
}

"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** The banner itself; hidden on the review page, which says the same at length. */
export function ConsentReviewNotice({ lapsed }: { lapsed: boolean }) {
  if (usePathname() === "/consents/review") return null;
  return (
    <div
      role="region"
      aria-label="Consent review"
      className="mb-6 rounded-lg border-2 border-amber-500 bg-amber-50 p-4 text-amber-950"
    >
      <p className="font-semibold">The clinic has changed the text of a consent you gave.</p>
      <p className="mt-1 text-sm">
        {lapsed
          ? "Your earlier consent has lapsed and counts as not given until you review the new text."
          : "Please read the new text and tell us whether you agree."}{" "}
        <Link href="/consents/review" className="font-medium underline">
          Review your consents
        </Link>
      </p>
    </div>
  );
}

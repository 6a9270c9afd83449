"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

const MAX_WAIT_MS = 24 * 60 * 60_000;

/** Re-renders the server page at `at` (a visit opening or ending), so Join appears and goes without a reload. */
export function RefreshAt({ at }: { at: string | null }) {
  const router = useRouter();
  useEffect(() => {
    if (!at) return;
    const wait = new Date(at).getTime() - Date.now() + 1000;
    if (wait > MAX_WAIT_MS) return;
    const timer = setTimeout(() => router.refresh(), Math.max(wait, 0));
    return () => clearTimeout(timer);
  }, [at, router]);
  return null;
}

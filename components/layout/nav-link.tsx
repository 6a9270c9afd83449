"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/**
 * A header link that marks where the reader is: aria-current="page" on the page itself, "true" inside its section
 * (Admin on /admin/deliveries; Appointments on a /visit page, listed in `section`). A client component because the
 * root layout stays mounted across navigations.
 */
export function NavLink({
  href,
  section = [],
  children,
}: {
  href: string;
  section?: string[];
  children: React.ReactNode;
}) {
  const pathname = usePathname();
  const inSection = [href, ...section].some((prefix) => pathname.startsWith(`${prefix}/`));
  const current = pathname === href ? "page" : inSection ? "true" : undefined;
  return (
    <Link
      href={href}
      aria-current={current}
      className={`inline-block rounded px-2 py-1 hover:bg-brand-50 hover:text-brand-800 ${
        current
          ? "font-semibold text-brand-800 underline decoration-2 underline-offset-[6px]"
          : "text-slate-700 no-underline"
      }`}
    >
      {children}
    </Link>
  );
}

import Link from "next/link";
import type { Role } from "@/db/schema";
import { signOutAction } from "@/app/sign-out-action";
import { currentUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { NavLink } from "./nav-link";

// `section`: other paths that belong to the item (a visit is one of your appointments).
type NavItem = { href: string; label: string; section?: string[] };

const navigation: Record<Role | "visitor", NavItem[]> = {
  patient: [
    { href: "/appointments", label: "Appointments", section: ["/visit"] },
    { href: "/progress", label: "Progress" },
    { href: "/settings", label: "Settings" },
    { href: "/record-access", label: "Who has seen my record" },
  ],
  clinician: [{ href: "/schedule", label: "Schedule", section: ["/sessions"] }],
  admin: [{ href: "/admin", label: "Admin" }],
  visitor: [
    { href: "/help", label: "Help" },
    { href: "/privacy", label: "Privacy" },
    { href: "/sign-in", label: "Sign in" },
  ],
};

// Each role's own part of the portal, so nobody wonders whose screens these are.
const area: Record<Role | "visitor", string> = {
  patient: "Patient portal",
  clinician: "Clinician workspace",
  admin: "Administration",
  visitor: "Patient portal",
};

const roleLabel: Record<Role, string> = { patient: "Patient", clinician: "Clinician", admin: "Administrator" };

export async function SiteHeader() {
  const user = await currentUser();
  const { clinic } = env();
  const who = user?.role ?? "visitor";
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-x-6 gap-y-3 px-4 py-3">
        <Link href="/" className="rounded leading-tight no-underline" data-testid="site-name">
          <span className="block text-lg font-semibold text-brand-700">{clinic.name}</span>
          <span className="block text-sm text-slate-600">{area[who]}</span>
        </Link>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <nav aria-label="Main">
            <ul className="-ml-2 flex flex-wrap gap-x-2 gap-y-1">
              {navigation[who].map((item) => (
                <li key={item.href}>
                  <NavLink href={item.href} section={item.section}>
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          {user ? (
            <>
              <p className="text-sm text-slate-600" data-testid="signed-in-as">
                <span className="font-medium text-slate-900">{user.name ?? user.email}</span>{" "}
                <span className="rounded-full bg-brand-100 px-2 py-0.5 text-xs text-brand-800">
                  {roleLabel[user.role]}
                </span>
              </p>
              <form action={signOutAction}>
                <button type="submit" className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100">
                  Sign out
                </button>
              </form>
            </>
          ) : null}
        </div>
      </div>
    </header>
  );
}

import Link from "next/link";
import type { Role } from "@/db/schema";
import { signOutAction } from "@/app/sign-out-action";
import { currentUser } from "@/lib/auth/session";

const navigation: Record<Role, { href: string; label: string }[]> = {
  patient: [
    { href: "/appointments", label: "Appointments" },
    { href: "/progress", label: "Progress" },
    { href: "/settings", label: "Settings" },
  ],
  clinician: [{ href: "/schedule", label: "Schedule" }],
  admin: [{ href: "/admin", label: "Admin" }],
};

const roleLabel: Record<Role, string> = { patient: "Patient", clinician: "Clinician", admin: "Administrator" };

export async function SiteHeader() {
  const user = await currentUser();
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-lg font-semibold text-brand-700">
          Patient Portal
        </Link>
        {user ? (
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
            <nav aria-label="Main">
              <ul className="flex gap-3">
                {navigation[user.role].map((item) => (
                  <li key={item.href}>
                    <Link
                      href={item.href}
                      className="rounded px-2 py-1 text-slate-700 hover:bg-brand-50 hover:text-brand-800"
                    >
                      {item.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
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
          </div>
        ) : null}
      </div>
    </header>
  );
}

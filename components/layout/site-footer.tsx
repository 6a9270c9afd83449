import Link from "next/link";
import { connection } from "next/server";
import { env } from "@/lib/env";
import { ContactDetails } from "./contact-details";

/** On every page, signed in or not: who runs the portal, how to reach them, help and the privacy notice. */
export async function SiteFooter() {
  // Configuration is read per request, never at build (where production's required settings are absent).
  await connection();
  const { clinic } = env();
  return (
    <footer className="mt-8 border-t border-slate-200 bg-white">
      <div className="mx-auto flex max-w-4xl flex-col gap-4 px-4 py-6 text-sm sm:flex-row sm:justify-between">
        <div>
          <p className="font-medium text-slate-900">{clinic.name}</p>
          <ContactDetails clinic={clinic} />
        </div>
        <nav aria-label="About the portal">
          <ul className="flex gap-4">
            <li>
              <Link href="/help" className="text-brand-700 underline">
                Help and contact
              </Link>
            </li>
            <li>
              <Link href="/privacy" className="text-brand-700 underline">
                Privacy notice
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}

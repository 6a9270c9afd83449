import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminHomePage() {
  await requirePageRole("admin");
  return (
    <section>
      <h1 className="text-2xl font-semibold">Clinic administration</h1>
      <p className="mt-2 text-slate-600">
        Read-only views of what the system did and why. Message deliveries, the consent ledger, video sessions and progress
        sharing appear here as they are built.
      </p>
    </section>
  );
}

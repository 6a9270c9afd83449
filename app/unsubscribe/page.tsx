import type { Metadata } from "next";
import { UnsubscribeForm } from "@/components/settings/unsubscribe-form";

export const metadata: Metadata = { title: "Stop email notifications" };

export default async function UnsubscribePage({ searchParams }: PageProps<"/unsubscribe">) {
  const { token } = await searchParams;
  return (
    <section className="mx-auto max-w-md rounded-lg border border-slate-200 bg-white p-6">
      <h1 className="text-xl font-semibold">Stop email notifications?</h1>
      <p className="mt-2 text-slate-600">Appointment emails from the clinic stop. Sign-in links still arrive.</p>
      <UnsubscribeForm token={typeof token === "string" ? token : ""} />
    </section>
  );
}

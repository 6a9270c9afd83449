import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/db/client";
import { UnsubscribeForm } from "@/components/settings/unsubscribe-form";
import { checkUnsubscribeToken } from "@/lib/notifications/unsubscribe";

export const metadata: Metadata = { title: "Stop email notifications" };

const refusals = {
  already_used: {
    title: "This link was already used",
    text: "Your email notifications were already turned off with it.",
  },
  invalid: {
    title: "This link does not work",
    text: "It is not valid or has expired (links work for 60 days).",
  },
} as const;

// The token is checked before anything is offered; only the button changes anything (mail scanners open links).
export default async function UnsubscribePage({ searchParams }: PageProps<"/unsubscribe">) {
  const { token } = await searchParams;
  const value = typeof token === "string" ? token.slice(0, 512) : "";
  const check = value ? await checkUnsubscribeToken(db(), value) : "invalid";
  return (
    <section className="mx-auto max-w-md rounded-lg border border-slate-200 bg-white p-6">
      {check === "valid" ? (
        <>
          <h1 className="text-xl font-semibold">Stop email notifications?</h1>
          <p className="mt-2 text-slate-600">Appointment emails from the clinic stop. Sign-in links still arrive.</p>
          <UnsubscribeForm token={value} />
        </>
      ) : (
        <>
          <h1 className="text-xl font-semibold">{refusals[check].title}</h1>
          <p className="mt-2 text-slate-700">{refusals[check].text}</p>
          <p className="mt-2 text-slate-700">
            You can choose which emails you get on your{" "}
            <Link href="/settings" className="text-brand-700 underline">
              Settings page
            </Link>{" "}
            (you may be asked to sign in).
          </p>
        </>
      )}
    </section>
  );
}

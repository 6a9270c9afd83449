import Link from "next/link";
import { redirect } from "next/navigation";
import { ContactDetails } from "@/components/layout/contact-details";
import { currentUser, homeFor } from "@/lib/auth/session";
import { env } from "@/lib/env";

// Signed in: straight to your own home. Signed out: who runs this portal, what it is for, and how to get in or get help.
export default async function Home() {
  const user = await currentUser();
  if (user) redirect(homeFor[user.role]);
  const { clinic } = env();
  return (
    <div className="space-y-8">
      <section aria-labelledby="welcome" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 id="welcome" className="text-3xl font-semibold text-brand-800">
          {clinic.name}
        </h1>
        <p className="mt-1 text-lg text-slate-700">Patient portal</p>
        <p className="mt-4 max-w-prose text-slate-700">
          See your appointments, join your video visits, add them to your calendar, read the progress updates your
          clinician writes for you, and choose how we contact you and what you agree to.
        </p>
        <p className="mt-6">
          <Link
            href="/sign-in"
            className="inline-block rounded bg-brand-600 px-5 py-3 font-medium text-white no-underline hover:bg-brand-700"
          >
            Sign in with your email
          </Link>
        </p>
        <p className="mt-3 text-sm text-slate-600">
          No password: we email you a link that signs you in. The clinic sets up your account when you register with us,
          so use the email address you gave us.
        </p>
      </section>

      <div className="grid gap-6 sm:grid-cols-2">
        <section aria-labelledby="help-heading" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="help-heading" className="text-lg font-semibold">
            Need help?
          </h2>
          <p className="mt-2 text-slate-700">
            Signing in, joining a video visit, reminders and messages:{" "}
            <Link href="/help" className="text-brand-700 underline">
              answers to common questions
            </Link>
            .
          </p>
          <ContactDetails clinic={clinic} />
        </section>
        <section aria-labelledby="privacy-heading" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="privacy-heading" className="text-lg font-semibold">
            Your privacy
          </h2>
          <p className="mt-2 text-slate-700">
            A visit is recorded only if you agreed, and you can change your mind at any time. Messages carry your first
            name, the date and time and a link, never anything about your health.
          </p>
          <p className="mt-2">
            <Link href="/privacy" className="text-brand-700 underline">
              Read what the portal stores and who sees it
            </Link>
          </p>
        </section>
      </div>
    </div>
  );
}

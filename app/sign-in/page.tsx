import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeReturnPath } from "@/lib/auth/return-path";
import { currentUser, homeFor } from "@/lib/auth/session";
import { LINK_SENT_MESSAGE, RATE_LIMITED_ERROR, rateLimitedMessage } from "@/lib/auth/sign-in-request";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  // Where the visitor was going (proxy.ts adds it): the magic link lands there.
  const next = safeReturnPath((await searchParams).next);
  const user = await currentUser();
  if (user) redirect(next ?? homeFor[user.role]);
  const { error, retryAfter, sent } = await searchParams;
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const { devOutboxEnabled } = env();
  return (
    <section className="mx-auto max-w-md rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-semibold">Sign in</h1>
      <p className="mt-2 text-slate-600">We will email you a link that signs you in. No password needed.</p>
      {next ? <p className="mt-2 text-slate-600">The link brings you back to the page you asked for.</p> : null}
      {/* Where Auth.js's own endpoint sends a browser: link on its way, too many requests, or a link refused. */}
      {sent && !error ? (
        <p className="mt-4 rounded border border-brand-100 bg-brand-50 p-3 text-brand-800">{LINK_SENT_MESSAGE}</p>
      ) : null}
      {error === RATE_LIMITED_ERROR ? (
        <p role="alert" className="mt-4 rounded border border-red-300 bg-red-50 p-3 text-red-800">
          {rateLimitedMessage(first(retryAfter))}
        </p>
      ) : error ? (
        <p role="alert" className="mt-4 rounded border border-red-300 bg-red-50 p-3 text-red-800">
          That sign-in link is no longer valid. Links work once and expire after 15 minutes; ask for a new one below.
        </p>
      ) : null}
      <SignInForm next={next} />
      {devOutboxEnabled ? (
        <p className="mt-6 border-t border-slate-200 pt-4 text-sm text-slate-600">
          Demo mode: no email provider is configured, so sign-in links appear in the{" "}
          <Link href="/dev/outbox" className="text-brand-700 underline">
            dev outbox
          </Link>
          .
        </p>
      ) : null}
    </section>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { ContactDetails } from "@/components/layout/contact-details";
import { Article } from "@/components/layout/article";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Help" };

export default async function HelpPage() {
  await connection();
  const { clinic } = env();
  return (
    <Article title="Help" intro={`Answers to common questions about the ${clinic.name} patient portal.`}>
      <section aria-labelledby="help-sign-in">
        <h2 id="help-sign-in">Signing in</h2>
        <p>
          Enter your email address on the <Link href="/sign-in">sign-in page</Link> and we email you a link. Open it to
          sign in; there is no password. Each link works once, for 15 minutes, and you stay signed in for 12 hours or
          until you sign out.
        </p>
        <p>
          No email? Check your spam folder, then ask for another link. You can ask for 5 links in 15 minutes. Only
          people the clinic has registered can sign in: if the address is new to us, contact us below.
        </p>
      </section>
      <section aria-labelledby="help-video">
        <h2 id="help-video">Video visits</h2>
        <p>
          You can join from 15 minutes before the start until the end of the visit, with the <strong>Join</strong>{" "}
          button on your Appointments page or the link in your 15-minute reminder. Allow the browser to use your camera
          and microphone when it asks.
        </p>
        <p>
          If your clinician has not started yet, select <strong>Join video visit</strong> and keep the page open: you
          join as soon as they start. The page always says whether the visit is being recorded.
        </p>
      </section>
      <section aria-labelledby="help-calendar">
        <h2 id="help-calendar">Adding a visit to your calendar</h2>
        <p>
          Each upcoming appointment has an <strong>Add to calendar</strong> link that downloads a calendar file with the
          date, time and your clinician&apos;s name, in your time zone. Open it with your calendar app.
        </p>
      </section>
      <section aria-labelledby="help-messages">
        <h2 id="help-messages">Reminders and messages</h2>
        <p>
          Choose email, text messages (SMS or WhatsApp) and reminders on your Settings page, where you also see the
          messages of the last 30 days and why any was not sent. Every email has a link to stop emails; reply STOP to a
          text to stop texts. Sign-in links always arrive.
        </p>
      </section>
      <section aria-labelledby="help-contact">
        <h2 id="help-contact">Contact us</h2>
        <p>This portal is not for emergencies. In an emergency, call your local emergency number.</p>
        <ContactDetails clinic={clinic} />
        <p>
          How we handle your information is in the <Link href="/privacy">privacy notice</Link>.
        </p>
      </section>
    </Article>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Article } from "@/components/layout/article";
import { ContactDetails } from "@/components/layout/contact-details";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Privacy notice" };

// Plain words for what README and DESIGN promise; change it when they change.
export default async function PrivacyPage() {
  await connection();
  const { clinic } = env();
  return (
    <Article
      title="Privacy notice"
      intro={`What the ${clinic.name} patient portal stores about you, who sees it, and how consent and messages work.`}
    >
      <section aria-labelledby="privacy-stores">
        <h2 id="privacy-stores">What the portal stores</h2>
        <ul>
          <li>Your name, email address, phone number and time zone.</li>
          <li>How you want to be contacted (email, text messages, reminders) and the consents you give or withdraw.</li>
          <li>Your care contact&apos;s name, relationship and email address, if you name one.</li>
          <li>
            Your appointments: date, time, length, clinician, video or in person, and who booked, moved or cancelled
            them.
          </li>
          <li>
            For each video visit: when it started and whether it was recorded, with the consent that decided it. The
            video and sound are kept only when the visit is recorded.
          </li>
          <li>
            Progress notes your clinician writes: a private clinical note for the clinic&apos;s record, and a summary
            written for you.
          </li>
          <li>Each message we sent you, or did not send and why.</li>
          <li>Every change to your choices and consents: what changed, when, who made it and the consent wording.</li>
        </ul>
        <p>
          Signing in uses cookies that keep you signed in (for up to 12 hours, or until you sign out) and protect the
          sign-in form. The portal uses no advertising or tracking cookies.
        </p>
      </section>
      <section aria-labelledby="privacy-who">
        <h2 id="privacy-who">Who sees it</h2>
        <ul>
          <li>You: your appointments, the summaries written for you, your settings, messages and history.</li>
          <li>Your clinicians: the appointments they have with you, whether you consent to recording, their notes.</li>
          <li>
            Clinic administrators: read-only records of what the portal did (messages sent or not, changes to your
            choices and consents, video sessions, appointment changes, whether updates were shared), never the content
            of notes. Only you change your choices and consents.
          </li>
          <li>
            Your care contact: only the summaries written for you, by email, and only while you consent to sharing.
            Private clinical notes are never shared.
          </li>
          <li>
            The services that do the work for the clinic: email delivery, text messages and video calls. The service
            that schedules reminders sees record numbers only, never names, contact details or notes.
          </li>
        </ul>
      </section>
      <section aria-labelledby="privacy-consent">
        <h2 id="privacy-consent">Consent</h2>
        <p>
          <strong>Recording of video visits.</strong> A visit is recorded only if your consent is on record when it
          starts, and the visit page tells you whether it is being recorded. You can withdraw on your{" "}
          <Link href="/settings">Settings</Link> page at any time: a recording in progress stops within seconds, and any
          recording made without your consent is deleted.
        </p>
        <p>
          <strong>Sharing your progress.</strong> Summaries are emailed to your care contact only while you consent to
          it. Withdraw it and nothing more is sent.
        </p>
      </section>
      <section aria-labelledby="privacy-messages">
        <h2 id="privacy-messages">Messages</h2>
        <p>
          We send appointment confirmations, changes and cancellations, and reminders 24 hours, 1 hour and 15 minutes
          before a visit, by email and text as you choose on Settings. What you have chosen is checked at the moment
          each message goes, so a change applies straight away.
        </p>
        <p>
          Messages carry your first name, the date and time in your time zone and a link to the portal, never a
          diagnosis or anything from your notes. Every email has a link to stop emails, and you can reply STOP to a
          text. Sign-in links are always sent, because they are how you get in.
        </p>
      </section>
      <section aria-labelledby="privacy-contact">
        <h2 id="privacy-contact">Questions, copies and corrections</h2>
        <p>To ask about your information, for a copy of it or for a correction, contact {clinic.name}.</p>
        <ContactDetails clinic={clinic} />
      </section>
    </Article>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/db/client";
import { CareContactForm } from "@/components/settings/care-contact-form";
import { ConsentsSection } from "@/components/consents/consents-section";
import { MyDataSection } from "@/components/consents/my-data-section";
import { ContactForm } from "@/components/settings/contact-form";
import { NotificationPreferencesForm } from "@/components/settings/notification-preferences-form";
import { MessageTable } from "@/components/notifications/message-table";
import { ContactProblems } from "@/components/settings/contact-problems";
import { env } from "@/lib/env";
import { SettingsHistory } from "@/components/settings/settings-history";
import { requirePageRole } from "@/lib/auth/session";
import { listRecentMessagesForPatient } from "@/lib/notifications/queries";
import { phoneForInput } from "@/lib/patients/fields";
import { exampleMobile, phoneRegionOf } from "@/lib/patients/phone-region";
import { getPatientSettings, listLedgerForPatient } from "@/lib/patients/queries";

export const metadata: Metadata = { title: "Settings" };

/** The history shows the latest changes; "Show all" lists up to the cap, newest first. */
const HISTORY_SHOWN = 20;
const HISTORY_ALL_CAP = 1000;

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id={id} className="mb-2 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function SettingsPage({ searchParams }: PageProps<"/settings">) {
  const user = await requirePageRole("patient");
  const showAllHistory = (await searchParams).history === "all";
  const historyLimit = showAllHistory ? HISTORY_ALL_CAP : HISTORY_SHOWN;
  const [settings, historyRows, messages] = await Promise.all([
    getPatientSettings(db(), user.id),
    // One row past what is shown tells whether there are more, without counting them.
    listLedgerForPatient(db(), user.id, historyLimit + 1),
    listRecentMessagesForPatient(db(), user.id),
  ]);
  if (!settings) notFound();
  const timeZone = settings.timeZone;
  const phoneRegion = phoneRegionOf(settings);
  const history = historyRows.slice(0, historyLimit);
  const truncated = historyRows.length > historyLimit;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Settings</h1>
        <p className="mt-1 text-slate-600">
          How we contact you and what you agree to. Every change is kept in your history below.
        </p>
      </div>
      <ContactProblems
        emailUndeliverable={settings.emailUndeliverable}
        phoneUnreachableCode={settings.phoneUnreachableCode}
        clinicPhone={env().clinic.phone}
      />
      <Section id="notifications-heading" title="Notifications">
        <NotificationPreferencesForm
          hasPhone={Boolean(settings.phoneE164)}
          stored={{
            emailNotifications: settings.emailNotifications,
            textMessages: settings.textMessages,
            textChannel: settings.textChannel,
            whatsappOptIn: settings.whatsappOptIn,
            appointmentReminders: settings.appointmentReminders,
          }}
        />
      </Section>
      <Section id="contact-heading" title="Contact">
        <ContactForm
          phone={phoneForInput(settings.phoneE164, phoneRegion)}
          phoneExample={exampleMobile(phoneRegion)}
          timeZone={timeZone}
          suggestBrowserZone={timeZone === "UTC" && !settings.timeZoneChosen}
        />
      </Section>
      <Section id="consents-heading" title="Consents">
        <ConsentsSection patientId={user.id} settings={settings} />
      </Section>
      <Section id="care-contact-heading" title="Care contact">
        <p className="mb-3 text-sm text-slate-600">
          Someone you trust, such as a family member or carer. They receive the summaries of your progress updates by
          email only while you give progress sharing consent above
          {settings.progressSharingConsent ? " (you do now)." : " (you do not now, so nothing is sent to them)."}
        </p>
        <CareContactForm
          name={settings.careContactName ?? ""}
          relationship={settings.careContactRelationship ?? ""}
          email={settings.careContactEmail ?? ""}
        />
      </Section>
      <Section id="messages-heading" title="Messages">
        <p className="mb-2 text-sm text-slate-600">
          What we sent you in the last 30 days, and what we did not send and why.
        </p>
        <MessageTable rows={messages} timeZone={timeZone} caption="Your messages in the last 30 days, newest first" />
      </Section>
      <Section id="my-data-heading" title="My data">
        <MyDataSection />
      </Section>
      <Section id="history-heading" title="History">
        <SettingsHistory
          rows={history}
          timeZone={timeZone}
          more={!showAllHistory && truncated}
          capped={showAllHistory && truncated}
        />
      </Section>
    </div>
  );
}

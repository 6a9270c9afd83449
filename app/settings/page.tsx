import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/db/client";
import { CareContactSection } from "@/components/settings/sections/care-contact-section";
import { ConsentsSection } from "@/components/settings/sections/consents-section";
import { ContactSection } from "@/components/settings/sections/contact-section";
import { HistorySection } from "@/components/settings/sections/history-section";
import { MessagesSection } from "@/components/settings/sections/messages-section";
import { MyDataSection } from "@/components/settings/sections/my-data-section";
import { NotificationsSection } from "@/components/settings/sections/notifications-section";
import { TimeZoneSection } from "@/components/settings/sections/time-zone-section";
import { ContactProblems } from "@/components/settings/contact-problems";
import { SettingsNav } from "@/components/settings/settings-nav";
import { requirePageRole } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { comingUp } from "@/lib/notifications/preview";
import { listRecentMessagesForPatient } from "@/lib/notifications/queries";
import { getPatientSettings, listLedgerForPatient } from "@/lib/patients/queries";

export const metadata: Metadata = { title: "Settings" };

/** The history shows the latest changes; "Show all" lists up to the cap, newest first. */
const HISTORY_SHOWN = 20;
const HISTORY_ALL_CAP = 1000;

// Each section is its own component (components/settings/sections/), in the order of settingsSections.
export default async function SettingsPage({ searchParams }: PageProps<"/settings">) {
  const user = await requirePageRole("patient");
  const showAllHistory = (await searchParams).history === "all";
  const historyLimit = showAllHistory ? HISTORY_ALL_CAP : HISTORY_SHOWN;
  const [settings, historyRows, messages, upcoming] = await Promise.all([
    getPatientSettings(db(), user.id),
    // One row past what is shown tells whether there are more, without counting them.
    listLedgerForPatient(db(), user.id, historyLimit + 1),
    listRecentMessagesForPatient(db(), user.id),
    comingUp(db(), user.id),
  ]);
  if (!settings) notFound();
  const truncated = historyRows.length > historyLimit;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Settings</h1>
        <p className="mt-1 text-slate-600">
          How we contact you and what you agree to. Every change is kept in your history.
        </p>
      </div>
      <ContactProblems
        emailUndeliverable={settings.emailUndeliverable}
        phoneUnreachableCode={settings.phoneUnreachableCode}
        clinicPhone={env().clinic.phone}
      />
      <div className="gap-8 max-lg:space-y-4 lg:grid lg:grid-cols-[10rem_minmax(0,1fr)]">
        <SettingsNav />
        <div className="space-y-6">
          <ContactSection settings={settings} />
          <NotificationsSection patientId={user.id} settings={settings} />
          <ConsentsSection patientId={user.id} settings={settings} />
          <CareContactSection settings={settings} />
          <TimeZoneSection settings={settings} />
          <MessagesSection messages={messages} upcoming={upcoming} timeZone={settings.timeZone} />
          <MyDataSection />
          <HistorySection
            rows={historyRows.slice(0, historyLimit)}
            timeZone={settings.timeZone}
            more={!showAllHistory && truncated}
            capped={showAllHistory && truncated}
          />
        </div>
      </div>
    </div>
  );
}

import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { ConsentReviewBanner } from "@/components/consents/consent-review-banner";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { env } from "@/lib/env";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  // Configuration is read per request, never at build (where production's required settings are absent).
  await connection();
  const { clinic } = env();
  return {
    title: { default: `${clinic.name} patient portal`, template: `%s · ${clinic.name}` },
    description: "Appointments, video visits and your contact choices, in one place.",
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:p-2"
        >
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" className="mx-auto w-full max-w-4xl flex-1 px-4 py-8">
          <ConsentReviewBanner />
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}

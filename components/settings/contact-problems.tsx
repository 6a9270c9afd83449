import { providerCodeHint } from "@/lib/notifications/provider-status";

/** What a provider told us about the patient's address or number, and what to do: shown until they change it. */
export function ContactProblems({
  emailUndeliverable,
  phoneUnreachableCode,
  clinicPhone,
}: {
  emailUndeliverable: boolean;
  phoneUnreachableCode: string | null;
  clinicPhone?: string;
}) {
  if (!emailUndeliverable && !phoneUnreachableCode) return null;
  const ask = clinicPhone ? `call the clinic on ${clinicPhone}` : "contact the clinic";
  return (
    <div role="alert" className="space-y-2 rounded-lg border border-amber-400 bg-amber-50 p-4 text-amber-950">
      {emailUndeliverable ? (
        <p data-testid="email-bounce-banner">
          <strong>We cannot reach your email address.</strong> Our last email to it was returned as undeliverable, so
          you may miss appointment emails. Your email address is also how you sign in: to change it, {ask}.
        </p>
      ) : null}
      {phoneUnreachableCode ? (
        <p data-testid="phone-unreachable-banner">
          <strong>We cannot text your mobile number.</strong> {providerCodeHint(phoneUnreachableCode)} Enter a mobile
          number under{" "}
          <a href="#contact-heading" className="font-medium underline">
            Contact
          </a>
          .
        </p>
      ) : null}
    </div>
  );
}

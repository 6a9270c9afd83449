import { after } from "next/server";
import { db } from "@/db/client";
import { log } from "@/lib/log";
import { sendEmail } from "@/lib/notifications/providers/email";
import { isRegisteredEmail } from "./sign-in-request";

// Sign-in links are the one email no preference can block (DESIGN.md, invariant 1), so they skip the gate.
export async function sendSignInEmail(to: string, url: string): Promise<void> {
  await sendEmail({
    to,
    subject: "Your sign-in link for the patient portal",
    text: [
      "Use this link to sign in to the patient portal:",
      "",
      url,
      "",
      "The link works once and expires in 15 minutes. If you did not ask for it, you can ignore this email.",
    ].join("\n"),
  });
}

/**
 * The Resend provider's sendVerificationRequest. The email goes out after the response, so a known address is not
 * answered measurably later than an unknown one (which never gets here); a failed send is logged for the clinic,
 * and the patient, told a link is on its way, asks again. Registered people only, whatever the callbacks decided.
 */
export async function sendVerificationRequest({ identifier, url }: { identifier: string; url: string }) {
  after(async () => {
    try {
      if (!(await isRegisteredEmail(db(), identifier))) {
        log.error({ code: "sign_in_link_unregistered" }, "Refused to email a sign-in link to an unregistered address");
        return;
      }
      await sendSignInEmail(identifier, url);
    } catch (error) {
      log.error({ err: error, code: "sign_in_link_failed" }, "Sending a sign-in link failed");
    }
  });
}

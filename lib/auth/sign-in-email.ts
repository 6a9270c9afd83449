import { sendEmail } from "@/lib/notifications/providers/email";

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

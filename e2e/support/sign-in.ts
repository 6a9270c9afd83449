import { expect, type Page } from "@playwright/test";
import { seedEmails } from "@/db/seed";

export const people = seedEmails;

export async function requestSignInLink(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
}

/** The real magic-link flow: ask for a link, read it from the dev outbox, follow it. */
export async function signIn(page: Page, email: string) {
  await requestSignInLink(page, email);
  await expect(page.getByRole("status")).toContainText("Check your email");
  await page.goto(`/dev/outbox?to=${encodeURIComponent(email)}`);
  // Other messages (a booking confirmation, a progress notice) may reach the same inbox: take the newest sign-in link.
  const link = page.getByRole("link", { name: /api\/auth\/callback/ }).first();
  await link.click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
}

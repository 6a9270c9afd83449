import { expect, type Page } from "@playwright/test";
import { seedEmails } from "@/db/seed";

export const people = seedEmails;

export async function requestSignInLink(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
}

export const outboxFor = (email: string) => `/dev/outbox?to=${encodeURIComponent(email)}`;

/**
 * The dev outbox for `email` once it holds `count` messages (or more, with `atLeast`). Sign-in links are sent after
 * the response (lib/auth/sign-in-email.ts), so the page is reloaded until they are there.
 */
export async function openOutboxWith(page: Page, email: string, count: number, atLeast = false) {
  const messages = page.getByTestId("outbox-message");
  await expect(async () => {
    await page.goto(outboxFor(email));
    if (atLeast) expect(await messages.count()).toBeGreaterThanOrEqual(count);
    else expect(await messages.count()).toBe(count);
  }).toPass({ timeout: 10_000 });
}

/** The real magic-link flow: ask for a link, read it from the dev outbox, follow it. */
export async function signIn(page: Page, email: string) {
  // Other messages (a booking confirmation, a progress notice) may reach the same inbox: the newest sign-in link.
  const newestLink = page.getByRole("link", { name: /api\/auth\/callback/ }).first();
  const hrefOf = async () => ((await newestLink.count()) > 0 ? await newestLink.getAttribute("href") : null);
  await page.goto(outboxFor(email));
  const earlier = await hrefOf();
  await requestSignInLink(page, email);
  await expect(page.getByRole("status")).toContainText("Check your email");
  // The link is emailed after the response: reload until this request's link is the newest.
  await expect(async () => {
    await page.goto(outboxFor(email));
    expect(await hrefOf()).not.toBe(earlier);
  }).toPass({ timeout: 10_000 });
  await newestLink.click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
}

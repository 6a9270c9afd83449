import { expect, type Page } from "@playwright/test";

/**
 * Asks for a sign-in link on the sign-in page `page` is showing (keeping its ?next=), then opens the link it sent.
 * The dev outbox is read in a second tab, so the sign-in page keeps its address; the newest link is waited for,
 * since a link may be emailed after the response.
 */
export async function signInHere(page: Page, email: string): Promise<string> {
  const inbox = await page.context().newPage();
  const outbox = `/dev/outbox?to=${encodeURIComponent(email)}`;
  const newestLink = inbox.getByRole("link", { name: /api\/auth\/callback/ }).first();
  const newestHref = async () => ((await newestLink.count()) > 0 ? await newestLink.getAttribute("href") : null);
  await inbox.goto(outbox);
  const earlier = await newestHref();

  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Check your email" })).toBeVisible();

  let href: string | null = null;
  await expect(async () => {
    await inbox.goto(outbox);
    href = await newestHref();
    expect(href).not.toBeNull();
    expect(href).not.toBe(earlier);
  }).toPass({ timeout: 10_000 });
  await inbox.close();
  await page.goto(href!);
  return href!;
}

import { expect, test } from "@playwright/test";
import { people, requestSignInLink, signIn } from "./support/sign-in";

test("an unknown email gets the same answer as a known one, and no email is sent", async ({ page }) => {
  await requestSignInLink(page, people.ada);
  await expect(page.getByRole("status")).toContainText("Check your email");
  const knownAnswer = await page.getByRole("status").textContent();

  const stranger = "nobody-registered@patients.example";
  await requestSignInLink(page, stranger);
  await expect(page.getByRole("status")).toHaveText(knownAnswer ?? "");

  await page.goto(`/dev/outbox?to=${encodeURIComponent(stranger)}`);
  await expect(page.getByText("The outbox is empty.")).toBeVisible();
  await page.goto(`/dev/outbox?to=${encodeURIComponent(people.ada)}`);
  await expect(page.getByTestId("outbox-message")).not.toHaveCount(0);
});

test("too many requests for one email are refused with a clear message", async ({ page }) => {
  const email = "rate-limited@patients.example";
  for (let attempt = 1; attempt <= 5; attempt++) {
    await requestSignInLink(page, email);
    await expect(page.getByRole("status")).toContainText("Check your email");
  }
  await requestSignInLink(page, email);
  await expect(page.getByRole("status")).toContainText(
    /Too many sign-in requests\. Please wait \d+ minutes? and try again\./,
  );
});

test("a malformed email address gets a field error next to the field", async ({ page }) => {
  await requestSignInLink(page, "not-an-email");
  await expect(page.locator("#email-error")).toHaveText("Enter a valid email address.");
  await expect(page.getByLabel("Email address")).toHaveAttribute("aria-describedby", "email-error");
});

test("a sign-in link works once; signing out revokes the session", async ({ page, context }) => {
  await signIn(page, people.shepherd);
  await expect(page).toHaveURL(/\/schedule$/);

  // The same link a second time is refused.
  await page.goto(`/dev/outbox?to=${encodeURIComponent(people.shepherd)}`);
  const usedLink = await page.getByTestId("outbox-message").first().getByRole("link").getAttribute("href");
  const cookies = await context.cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);

  await page.goto(usedLink!);
  await expect(page.getByText("That sign-in link is no longer valid")).toBeVisible();

  // The old session cookie no longer opens anything: the session row is gone.
  await context.addCookies(cookies);
  await page.goto("/schedule");
  await expect(page).toHaveURL(/\/sign-in$/);
});

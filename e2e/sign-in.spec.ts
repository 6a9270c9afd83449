import { expect, test } from "@playwright/test";
import { e2ePeople } from "./support/people";
import { openOutboxWith, outboxFor, people, requestSignInLink, signIn } from "./support/sign-in";

test("an unknown email gets the same answer as a known one, and no email is sent", async ({ page }) => {
  await requestSignInLink(page, people.ada);
  await expect(page.getByRole("status")).toContainText("Check your email");
  const knownAnswer = await page.getByRole("status").textContent();

  const stranger = "nobody-registered@patients.example";
  await requestSignInLink(page, stranger);
  await expect(page.getByRole("status")).toHaveText(knownAnswer ?? "");

  // Ada's link first (emails go out after the response), then the stranger's outbox, which stays empty.
  await openOutboxWith(page, people.ada, 1, true);
  await page.goto(outboxFor(stranger));
  await expect(page.getByText("The outbox is empty.")).toBeVisible();
});

test("Auth.js's own endpoint keeps the same rules: the same answer for an unknown address, and no 6th link for one address whatever X-Forwarded-For claims", async ({
  page,
}) => {
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  // What an attacker's script sends; a new X-Forwarded-For each time, which the server (no trusted proxy) ignores.
  const requestLink = async (email: string, forwardedFor: string) => {
    const response = await page.request.post("/api/auth/signin/resend", {
      form: { email, csrfToken, callbackUrl: "/" },
      headers: { "X-Forwarded-For": forwardedFor },
      maxRedirects: 0,
    });
    return { status: response.status(), location: response.headers()["location"], body: await response.text() };
  };
  const known = e2ePeople.linkFlood;
  const stranger = "nobody-at-the-endpoint@patients.example";

  // Every sign-in in this suite comes from 127.0.0.1 (50 a quarter hour): the stranger asks once; the integration
  // tests (lib/auth/sign-in-endpoint.test.ts) show refusals are the same for both too.
  const knownAnswer = await requestLink(known, "192.0.2.1");
  expect(knownAnswer).toMatchObject({ status: 302, location: expect.stringMatching(/\/api\/auth\/verify-request\?/) });
  expect(await requestLink(stranger, "198.51.100.1")).toEqual(knownAnswer);
  for (let attempt = 2; attempt <= 5; attempt++) {
    expect(await requestLink(known, `192.0.2.${attempt}`)).toEqual(knownAnswer);
  }
  const sixth = await requestLink(known, "192.0.2.6");
  expect(sixth).toMatchObject({ status: 302, location: expect.stringMatching(/\/sign-in\?error=RateLimited&/) });

  // Five links for the registered address, none for the stranger; the refused request made none.
  await openOutboxWith(page, known, 5);
  await page.goto(outboxFor(stranger));
  await expect(page.getByText("The outbox is empty.")).toBeVisible();

  // A browser sent where the 6th request was sent is told to wait.
  await page.goto(sixth.location!);
  await expect(
    page.getByRole("alert").filter({ hasText: /Too many sign-in requests\. Please wait \d+ minutes? and try again\./ }),
  ).toBeVisible();
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

import { expect, test } from "@playwright/test";
import { adaAuth } from "./support/access-fixtures";
import { lifecycleAuth, lifecycleVisits } from "./support/lifecycle-fixtures";

// Dr. Grey's visits open now (a session can start only from 30 minutes before its start): Ada's first, as the seed
// books it 10 minutes after seeding, and Ben Nowak's (lifecycle fixtures), who has not consented to recording.
test.use({ storageState: "e2e/.auth/clinician.json", permissions: ["camera", "microphone"] });

/** The session link of the patient's next video visit on Dr. Grey's schedule. */
const sessionLink = async (page: import("@playwright/test").Page, patient: string) => {
  await page.goto("/schedule");
  const row = page
    .getByRole("region", { name: "Upcoming appointments" })
    .getByTestId("appointment")
    .filter({ hasText: patient })
    .filter({ hasText: "Video visit" })
    .first();
  return row.getByRole("link", { name: "Start video session" }).getAttribute("href");
};

test("Ben has not consented: the warning banner shows before and after the session starts", async ({ page }) => {
  await page.goto(`/sessions/${lifecycleVisits.benNow}`);
  const banner = page
    .getByRole("alert")
    .filter({ hasText: "Recording is off: Ben has not consented to session recording." });
  await expect(banner).toBeVisible();
  await expect(page.getByLabel("Your camera preview")).toBeVisible();
  await page.getByRole("button", { name: "Start session" }).click();
  await expect(page.getByText("Session started in local preview mode.")).toBeVisible();
  await expect(banner).toBeVisible();
});

test("Ada consented: recording will be on, no banner; her withdrawal in another browser shows the banner without a reload", async ({
  page,
  browser,
}) => {
  await page.goto((await sessionLink(page, "Ada Lovelace"))!);
  await expect(page.getByText(/Recording will be on — consent given on /)).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Recording is off" })).toHaveCount(0);
  await page.getByRole("button", { name: "Start session" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Recording$/ })).toBeVisible();

  // Ada's session is seeded (the suite already asks for as many of her sign-in links as one address may have).
  const adaContext = await browser.newContext({ storageState: adaAuth });
  const ada = await adaContext.newPage();
  await ada.goto("/settings");
  await ada
    .getByRole("article", { name: "Recording of video visits" })
    .getByRole("button", { name: "Withdraw recording consent" })
    .click();
  await expect(ada.getByTestId("recordingConsent-status")).toContainText("Withdrawn on");
  await adaContext.close();

  await expect(
    page.getByRole("alert").filter({ hasText: "Recording is off: Ada has not consented to session recording." }),
  ).toBeVisible({ timeout: 10_000 });
});

test("another clinician's session is a 404 that says nothing about it", async ({ page, browser }) => {
  const link = await sessionLink(page, "Ada Lovelace");
  // Dr. Lund (lifecycle fixtures), signed in by a seeded session: no sign-in email.
  const other = await (await browser.newContext({ storageState: lifecycleAuth("clinician") })).newPage();
  const response = await other.goto(link!);
  expect(response?.status()).toBe(404);
  await expect(other.getByText("Ada")).toHaveCount(0);
  await other.context().close();
});

import { expect, test } from "@playwright/test";
import { rosterAuth, rosterPeople } from "./support/roster-fixtures";

test.describe("the roster", () => {
  test.use({ storageState: "e2e/.auth/admin.json" });

  test("an admin invites a new patient, who signs in through the emailed link and sees their home", async ({
    page,
    browser,
  }) => {
    const email = `nina-${Date.now()}@patients.example`;
    await page.goto("/admin");
    await page.getByRole("link", { name: "People" }).click();
    const invite = page.getByRole("region", { name: "Invite someone" });
    await invite.getByRole("radio", { name: "Patient" }).check();
    await invite.getByLabel("First name").fill("Nina");
    await invite.getByLabel("Last name").fill("Newcomer");
    await invite.getByLabel("Email").fill(email);
    await invite.getByLabel("Time zone").selectOption("Europe/Berlin");
    await invite.getByLabel("Dr. Meredith Grey").check();
    await invite.getByRole("button", { name: "Invite" }).click();
    await expect(invite.getByRole("status")).toHaveText("Patient invited: a sign-in link is on its way to them.");
    // The change and its audit row are on the page at once.
    await expect(page.getByTestId("person-row").filter({ hasText: email })).toContainText("Dr. Meredith Grey");
    // The invitation writes its row and one per clinician assigned, in one transaction: newest first, so look for it by name.
    await expect(
      page.getByTestId("roster-audit-row").filter({ hasText: "Nina Newcomer" }).filter({ hasText: "Invited" }),
    ).toHaveCount(1);

    // The invitee, in a browser of their own, opens the newest link the dev outbox holds for them.
    const invitee = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const inbox = await invitee.newPage();
    const link = inbox.getByRole("link", { name: /api\/auth\/callback/ }).first();
    await expect(async () => {
      await inbox.goto(`/dev/outbox?to=${encodeURIComponent(email)}`);
      await expect(link).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await inbox.goto((await link.getAttribute("href"))!);
    await expect(inbox).toHaveURL(/\/appointments$/);
    await expect(inbox.getByRole("heading", { level: 1 })).toHaveText("Your appointments");
    await invitee.close();
  });

  test("a deactivated patient's open session ends: their next navigation goes to sign-in", async ({
    page,
    browser,
  }) => {
    const dana = await browser.newContext({ storageState: rosterAuth.dana });
    const danaPage = await dana.newPage();
    await danaPage.goto("/settings");
    await expect(danaPage.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(danaPage).toHaveURL(/\/settings$/);

    await page.goto(`/admin/people?q=${encodeURIComponent(rosterPeople.dana.email)}`);
    const row = page.getByTestId("person-row").filter({ hasText: rosterPeople.dana.email });
    await row.getByRole("button", { name: "Deactivate Dana Deactivate" }).click();
    await expect(row).toContainText("Deactivated");
    await expect(page.getByTestId("roster-audit-row").filter({ hasText: "Dana Deactivate" }).first()).toContainText(
      "Deactivated",
    );

    await danaPage.goto("/appointments");
    await expect(danaPage).toHaveURL(/\/sign-in/);
    await expect(danaPage.getByRole("button", { name: "Email me a sign-in link" })).toBeVisible();
    await dana.close();
  });

  test("the CSV dry run reports the bad row with its line and reason, and writes nothing", async ({ page }) => {
    const valid = `vera-${Date.now()}@import.example`;
    await page.goto("/admin/people/import");
    await page.getByLabel("CSV file of patients").setInputFiles({
      name: "patients.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        [
          "name,email,time_zone,phone",
          `Vera Valid,${valid},Europe/London,`,
          "Bad Zone,bad@import.example,Mars/Olympus,",
        ].join("\n"),
      ),
    });
    await page.getByRole("button", { name: "Check file (dry run)" }).click();
    await expect(page.getByRole("status")).toHaveText(
      "Nothing was imported: 1 row is invalid. Correct the file and check it again.",
    );
    const problem = page.getByTestId("import-problem");
    await expect(problem).toHaveCount(1);
    await expect(problem).toContainText("3");
    await expect(problem).toContainText('unknown time zone "Mars/Olympus"');
    await expect(page.getByRole("button", { name: /^Import \d+ patients$/ })).toHaveCount(0);

    await page.goto(`/admin/people?q=${encodeURIComponent(valid)}`);
    await expect(page.getByText("Nobody matches.")).toBeVisible();
  });
});

for (const role of ["patient", "clinician"] as const) {
  test.describe(role, () => {
    test.use({ storageState: `e2e/.auth/${role}.json` });
    test("is refused the people and import pages", async ({ page }) => {
      expect((await page.goto("/admin/people"))?.status()).toBe(403);
      expect((await page.goto("/admin/people/import"))?.status()).toBe(403);
    });
  });
}

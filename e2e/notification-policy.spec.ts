import { expect, test, type Page } from "@playwright/test";
import { policyAuth, policyPeople } from "./support/policy-fixtures";

const comingUp = (page: Page) => page.getByTestId("coming-up-row");
const smsRows = (page: Page) => comingUp(page).filter({ hasText: "SMS" });

test.describe("the message matrix and Coming up, with JavaScript", () => {
  test.use({ storageState: policyAuth("withJs") });

  test("turning reminders by text off saves at once, updates Coming up and adds a history row", async ({ page }) => {
    await page.goto("/settings");
    // Three reminders, by email and by SMS, all going.
    await expect(comingUp(page)).toHaveCount(6);
    await expect(smsRows(page).filter({ hasText: "Will be sent" })).toHaveCount(3);
    await page.getByRole("checkbox", { name: "Reminders by text" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "Your choices per message and channel are saved." }),
    ).toBeVisible();
    await expect(
      smsRows(page).filter({ hasText: "Will not be sent: you turned this kind of message off" }),
    ).toHaveCount(3);
    await expect(page.getByTestId("history-row").filter({ hasText: "Reminders by text" })).toContainText(/On → Off/);
    await page.reload();
    await expect(page.getByRole("checkbox", { name: "Reminders by text" })).not.toBeChecked();
    await expect(page.getByRole("checkbox", { name: "Reminders by email" })).toBeChecked();
  });
});

test.describe("the message matrix and my hours, without JavaScript", () => {
  test.use({ javaScriptEnabled: false, storageState: policyAuth("noJs") });

  test("plain form posts save the matrix and the patient's hours; Coming up shows a text moved by them", async ({
    page,
  }) => {
    await page.goto("/settings");
    await page.getByRole("checkbox", { name: "1 hour before" }).uncheck();
    await page.getByRole("checkbox", { name: "Progress updates by email" }).uncheck();
    await page.getByRole("button", { name: "Save message choices" }).click();
    await expect(page.getByText("Your choices per message and channel are saved.")).toBeVisible();
    await expect(page.getByRole("checkbox", { name: "1 hour before" })).not.toBeChecked();
    await expect(page.getByRole("checkbox", { name: "Progress updates by email" })).not.toBeChecked();
    await expect(comingUp(page).filter({ hasText: "1 hour before" })).toContainText([
      /you chose not to get this reminder/,
      /you chose not to get this reminder/,
    ]);

    // A bad pair of hours is refused next to the field and saves nothing.
    await page.getByLabel("From", { exact: true }).fill("22:00");
    await page.getByLabel("Until", { exact: true }).fill("21:00");
    await page.getByRole("button", { name: "Save my hours" }).click();
    await expect(page.locator("#textHoursEnd-error")).toHaveText("The end must be after the start.");

    // Texts only 13:00–14:00: the 24 h reminder text, due at 12:00, moves to 13:00.
    await page.getByLabel("From", { exact: true }).fill("13:00");
    await page.getByLabel("Until", { exact: true }).fill("14:00");
    await page.getByRole("button", { name: "Save my hours" }).click();
    await expect(page.getByText("Your hours for texts are saved.")).toBeVisible();
    await expect(smsRows(page).filter({ hasText: "24 hours before" })).toContainText(
      /moved from 12:00 \S+ by quiet hours/,
    );
    await expect(smsRows(page).filter({ hasText: "15 minutes before" })).toContainText(/in quiet hours/);
  });
});

test.describe("Coming up for an admin", () => {
  test.use({ storageState: "e2e/.auth/admin.json" });

  test("deliveries filtered by a patient's email show what the next two weeks will bring them", async ({ page }) => {
    await page.goto(`/admin/deliveries?patient=${encodeURIComponent(policyPeople.adminView)}`);
    await expect(page.getByRole("heading", { name: "Coming up" })).toBeVisible();
    await expect(comingUp(page)).toHaveCount(6);
    await expect(smsRows(page).filter({ hasText: "Will be sent" })).toHaveCount(3);
    // A partial search lists deliveries but names no one patient: no Coming up.
    await page.goto("/admin/deliveries?patient=coming-up");
    await expect(page.getByRole("heading", { name: "Deliveries" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Coming up" })).toHaveCount(0);
  });
});

import { expect, test } from "@playwright/test";
import { beaAuth, revocationPeople } from "./support/revocation-fixtures";

test.describe("the staff inbox", () => {
  test.describe.configure({ mode: "serial" });
  test.use({ storageState: "e2e/.auth/admin.json" });

  test("a reply shows its deadline; staff turn texts off and it moves to resolved", async ({ page }) => {
    await page.goto("/admin/inbox");
    const row = page.getByTestId("inbox-row").filter({ hasText: "Could someone call me about my bill" });
    await expect(row).toContainText("Ivy Example");
    await expect(row).toContainText(/1[34] days left/);
    await row.getByRole("button", { name: "Turn texts off" }).click();
    // The resolved reply leaves the list at once (its form and status with it) and shows under Resolved.
    await expect(page.getByTestId("resolved-row").filter({ hasText: "Ivy Example" })).toContainText("Texts turned off");
    await page.reload();
    await expect(page.getByTestId("inbox-row").filter({ hasText: "about my bill" })).toHaveCount(0);
    await expect(page.getByTestId("resolved-row").filter({ hasText: "Ivy Example" })).toContainText("Texts turned off");
  });

  test("staff record a request made by phone; an unknown address is refused next to the field", async ({ page }) => {
    await page.goto("/admin/inbox");
    await page.getByLabel("Patient's email address").fill("nobody@patients.example");
    await page.getByRole("button", { name: "Record the request" }).click();
    await expect(page.locator("#patientEmail-error")).toHaveText("No patient has this email address.");
    await page.getByLabel("Patient's email address").fill(revocationPeople.max.email);
    await page.getByLabel("The patient asked to stop").selectOption("texts_off");
    await page.getByLabel("How the patient asked").selectOption("letter");
    await page.getByRole("button", { name: "Record the request" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved: the change is in effect now." })).toBeVisible();
    await page.goto(`/admin/consent-ledger?patient=${encodeURIComponent(revocationPeople.max.email)}`);
    await expect(page.getByTestId("ledger-row").first()).toContainText("patient asked by letter");
  });
});

test.describe("a patient whose email bounced and whose number is a landline", () => {
  test.describe.configure({ mode: "serial" });
  test.use({ storageState: beaAuth });

  test("sees both banners, and the clinic's change in her history", async ({ page }) => {
    await page.goto("/settings");
    await expect(page.getByTestId("email-bounce-banner")).toContainText("We cannot reach your email address.");
    await expect(page.getByTestId("phone-unreachable-banner")).toContainText("It looks like a landline");
    await expect(page.getByTestId("history-row").first()).toContainText(
      "Changed by the clinic at your request (by phone)",
    );
  });

  test("the number's banner goes once she enters another number", async ({ page }) => {
    await page.goto("/settings");
    await page.getByLabel("Mobile number").fill("07911 123456");
    await page.getByRole("button", { name: "Save contact details" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your contact details are saved." })).toBeVisible();
    await page.reload();
    await expect(page.getByTestId("phone-unreachable-banner")).toHaveCount(0);
    await expect(page.getByTestId("email-bounce-banner")).toBeVisible();
  });
});

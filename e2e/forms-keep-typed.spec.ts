import { expect, test, type Locator, type Page } from "@playwright/test";
import { formsAuth, formsVisits } from "./support/forms-fixtures";

// A refused save keeps every typed value, marks the field (aria-invalid, its error named by aria-describedby),
// moves focus to the first field in error, and the form-level line counts the problems.
const PRIVATE_NOTE = `Thyroid panel reviewed; ${"follow-up in six weeks, dose unchanged. ".repeat(15)}`.slice(0, 630);

async function expectMarked(field: Locator, errorText: string | RegExp) {
  await expect(field).toHaveAttribute("aria-invalid", "true");
  const errorId = (await field.getAttribute("aria-describedby"))!.split(" ").at(-1)!;
  await expect(field.page().locator(`#${errorId}`)).toContainText(errorText);
  // Drawn in red, not only announced.
  await expect(field).toHaveCSS("border-top-width", "2px");
}

async function writeNote(page: Page, summary: string) {
  await page.goto(`/schedule/${formsVisits.fernPast}/notes`);
  await page.getByLabel("Private clinical note").fill(PRIVATE_NOTE);
  await page.getByLabel("Summary for Fern").fill(summary);
  await page.getByRole("button", { name: "Save note" }).click();
}

for (const javaScriptEnabled of [true, false]) {
  const js = javaScriptEnabled ? "with JavaScript" : "without JavaScript";

  test.describe(`clinician forms ${js}`, () => {
    test.use({ storageState: formsAuth("clinician"), javaScriptEnabled });

    test("a 630-character private note survives a blank summary being refused", async ({ page }) => {
      await writeNote(page, "   ");
      const summary = page.getByLabel("Summary for Fern");
      await expectMarked(summary, "Write the summary for the patient.");
      await expect(page.getByLabel("Private clinical note")).toHaveValue(PRIVATE_NOTE);
      await expect(page.getByRole("status")).toHaveText("Nothing was saved: 1 problem to fix, marked below.");
      if (javaScriptEnabled) await expect(summary).toBeFocused();
      await expect(page.getByTestId("saved-note")).toHaveCount(0);
    });

    test("a refused reschedule keeps the chosen time", async ({ page }) => {
      await page.goto("/schedule");
      const newTime = page.locator(`#startsAt-${formsVisits.fernNextWeek}`);
      // The time field is folded under "Change time" (a <details>, which opens without JavaScript too).
      await page.locator("details", { has: newTime }).getByText("Change time").click();
      await newTime.fill("2021-03-04T09:30");
      await page.getByRole("button", { name: "Reschedule" }).click();
      await expectMarked(newTime, "Choose a time in the future.");
      await expect(newTime).toHaveValue("2021-03-04T09:30");
      if (javaScriptEnabled) await expect(newTime).toBeFocused();
    });

    test("a refused booking keeps the patient, time, length and kind", async ({ page }) => {
      await page.goto("/schedule");
      await page.getByLabel(/^Date and time/).fill("2021-03-04T09:30");
      await page.getByLabel("Length").selectOption("45");
      await page.getByLabel("In person").check();
      await page.getByRole("button", { name: "Book appointment" }).click();
      const when = page.getByLabel(/^Date and time/);
      await expectMarked(when, "Choose a time in the future.");
      await expect(when).toHaveValue("2021-03-04T09:30");
      await expect(page.getByLabel("Length")).toHaveValue("45");
      await expect(page.getByLabel("In person")).toBeChecked();
      await expect(page.getByText("Nothing was booked: 1 problem to fix, marked below.")).toBeVisible();
      if (javaScriptEnabled) await expect(when).toBeFocused();
    });
  });

  test.describe(`patient settings forms ${js}`, () => {
    test.use({ storageState: formsAuth(javaScriptEnabled ? "fern" : "nico"), javaScriptEnabled });

    test("one missing care-contact name keeps the other two fields", async ({ page }) => {
      await page.goto("/settings");
      const careContact = page.getByRole("region", { name: "Care contact" });
      await careContact.getByLabel("Relationship to you (optional)").fill("Sister");
      await careContact.getByLabel("Email").fill("alice@family.example");
      await careContact.getByRole("button", { name: "Save care contact" }).click();
      const name = careContact.getByLabel("Name");
      await expectMarked(name, "Enter your care contact's name.");
      await expect(careContact.getByLabel("Relationship to you (optional)")).toHaveValue("Sister");
      await expect(careContact.getByLabel("Email")).toHaveValue("alice@family.example");
      await expect(careContact.getByRole("status")).toHaveText("Nothing was saved: 1 problem to fix, marked below.");
      if (javaScriptEnabled) await expect(name).toBeFocused();
    });

    test("a rejected phone shows what was typed, with its error under it, not the stored number", async ({ page }) => {
      await page.goto("/settings");
      const phone = page.getByLabel("Mobile number");
      const stored = await phone.inputValue();
      await phone.fill("555 01");
      await page.getByRole("button", { name: "Save contact details" }).click();
      await expectMarked(phone, "Enter a valid mobile number");
      await expect(phone).toHaveValue("555 01");
      await expect(phone).toHaveAttribute("aria-describedby", "phone-hint phone-error");
      if (javaScriptEnabled) await expect(phone).toBeFocused();
      await page.goto("/settings");
      await expect(page.getByLabel("Mobile number")).toHaveValue(stored);
    });

    test("giving consent without the tick marks the tick box", async ({ page }) => {
      await page.goto("/settings");
      const recording = page.getByRole("article", { name: "Recording of video visits" });
      await recording.getByRole("button", { name: "Give recording consent" }).click();
      const tick = recording.getByLabel("I have read the text above and I agree to it.");
      await expect(tick).toHaveAttribute("aria-invalid", "true");
      await expect(recording.getByText("Tick the box to confirm you have read the consent.")).toBeVisible();
      if (javaScriptEnabled) await expect(tick).toBeFocused();
    });
  });

  test.describe(`sign-in ${js}`, () => {
    test.use({ storageState: { cookies: [], origins: [] }, javaScriptEnabled });

    test("a refused address stays in the field, marked", async ({ page }) => {
      await page.goto("/sign-in");
      const email = page.getByLabel("Email address");
      await email.fill("ada@");
      await page.getByRole("button", { name: "Email me a sign-in link" }).click();
      await expectMarked(email, "Enter a valid email address.");
      await expect(email).toHaveValue("ada@");
      if (javaScriptEnabled) await expect(email).toBeFocused();
    });
  });
}

import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { e2ePeople } from "./support/people";
import { people, signIn } from "./support/sign-in";

async function expectTurnedOffWithHistory(page: Page) {
  await page.reload();
  await expect(page.getByRole("switch", { name: "Email notifications" })).not.toBeChecked();
  await expect(page.getByRole("switch", { name: "Appointment reminders" })).not.toBeChecked();
  await expect(page.getByRole("switch", { name: "Text messages" })).toBeVisible();
  const rows = page.getByTestId("history-row");
  await expect(rows.filter({ hasText: "Appointment reminders" })).toContainText(
    /Appointment reminders\s*On → Off\s*You/,
  );
  await expect(rows.filter({ hasText: "Email notifications" })).toContainText(/Email notifications\s*On → Off\s*You/);
}

test.describe("Ben's settings, with JavaScript", () => {
  test.describe.configure({ mode: "serial" });
  test.use({ storageState: "e2e/.auth/patient.json" });

  test("turning email and reminders off saves each at once, survives a reload and adds two history rows", async ({
    page,
  }) => {
    await page.goto("/settings");
    await expect(page.getByTestId("history-row")).toHaveCount(0);
    await page.getByRole("switch", { name: "Email notifications" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your notification choices are saved." })).toBeVisible();
    await page.getByRole("switch", { name: "Appointment reminders" }).click();
    await expect(page.getByTestId("history-row")).toHaveCount(2);
    await expectTurnedOffWithHistory(page);
  });

  test("texts without a phone number roll back with the reason next to the switch", async ({ page }) => {
    await page.goto("/settings");
    const texts = page.getByRole("switch", { name: "Text messages" });
    await texts.click();
    await expect(page.locator("#textMessages-error")).toHaveText(
      "Add your mobile number under Contact before turning text messages on.",
    );
    await expect(texts).not.toBeChecked();
    await expect(texts).toHaveAttribute("aria-describedby", "textMessages-hint textMessages-error");
  });

  test("a bad phone number shows its error next to the field and saves nothing", async ({ page }) => {
    await page.goto("/settings");
    await page.getByLabel("Mobile number").fill("12345");
    await page.getByRole("button", { name: "Save contact details" }).click();
    await expect(page.locator("#phone-error")).toContainText("Enter a valid mobile number");
    await expect(page.getByLabel("Mobile number")).toHaveAttribute("aria-describedby", "phone-hint phone-error");
    await page.reload();
    await expect(page.getByLabel("Mobile number")).toHaveValue("");
    await expect(page.getByTestId("history-row")).toHaveCount(2);
  });

  test("recording consent needs the tick and the typed name to give, and one click to withdraw", async ({ page }) => {
    await page.goto("/settings");
    const recording = page.getByRole("article", { name: "Recording of video visits" });
    await expect(recording.getByTestId("recordingConsent-status")).toHaveText("Not given.");
    await recording.getByRole("button", { name: "Give consent" }).click();
    await expect(recording.getByText("Tick the box to confirm you have read the consent.")).toBeVisible();
    await recording.getByLabel("I have read the text above and I agree to it.").check();
    await recording.getByRole("button", { name: "Give consent" }).click();
    await expect(recording.getByText("Type your full name to sign the consent.")).toBeVisible();
    await recording.getByLabel("I have read the text above and I agree to it.").check();
    await recording.getByLabel("Your full name (your signature)").fill("Ben Carter");
    await recording.getByRole("button", { name: "Give consent" }).click();
    await expect(recording.getByTestId("recordingConsent-status")).toContainText("Given on");
    await expect(recording.getByTestId("recordingConsent-status")).toContainText(
      "to the recording consent text of 1 January 2026",
    );
    await recording.getByRole("button", { name: "Withdraw consent" }).click();
    await expect(recording.getByTestId("recordingConsent-status")).toContainText("Withdrawn on");
    await expect(page.getByTestId("history-row").nth(0)).toContainText(/Recording consent.*Given → Not given/);
  });

  test("has no serious or critical accessibility violations", async ({ page }) => {
    await page.goto("/settings");
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
});

test("a long history shows the latest 20 changes and a link to all of them", async ({ page }) => {
  // 22 changes seeded before the server started (e2e/support/fixtures.ts), not made through 21 UI saves.
  await signIn(page, e2ePeople.longHistory);
  await page.goto("/settings");
  await expect(page.getByTestId("history-row")).toHaveCount(20);
  await expect(page.getByTestId("history-row").first()).toContainText(/Appointment reminders\s*On → Off/);
  await expect(page.getByText("Showing your latest 20 changes.")).toBeVisible();

  await page.getByRole("link", { name: "Show all changes" }).click();
  await expect(page).toHaveURL(/\/settings\?history=all/);
  await expect(page.getByTestId("history-row")).toHaveCount(22);
  await expect(page.getByTestId("history-row").last()).toContainText(/Email notifications\s*On → Off/);
  await expect(page.getByRole("link", { name: "Show all changes" })).toHaveCount(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("Ada signs in and turns email and reminders off with plain form posts", async ({ page }) => {
    await signIn(page, people.ada);
    await page.goto("/settings");
    await page.getByRole("switch", { name: "Email notifications" }).uncheck();
    await page.getByRole("switch", { name: "Appointment reminders" }).uncheck();
    await page.getByRole("button", { name: "Save notification choices" }).click();
    await expect(page.getByText("Your notification choices are saved.")).toBeVisible();
    await expectTurnedOffWithHistory(page);
    // Texts stay on: the form sent them unchanged.
    await expect(page.getByRole("switch", { name: "Text messages" })).toBeChecked();
  });
});

import { expect, test, type Page } from "@playwright/test";
import { formsAuth } from "./support/forms-fixtures";

const sections = [
  "Contact",
  "Notifications",
  "Consents",
  "Care contact",
  "Time zone",
  "Messages",
  "My data",
  "History",
];
const history = (page: Page, what: string) => page.getByTestId("history-row").filter({ hasText: what });

for (const [size, viewport] of [
  ["phone", { width: 390, height: 844 }],
  ["desktop", { width: 1280, height: 800 }],
] as const) {
  test.describe(`/settings at ${size} size`, () => {
    test.use({ storageState: formsAuth("tara"), viewport });

    test("every section has a heading and a link in the in-page nav that brings it into view", async ({ page }) => {
      await page.goto("/settings");
      const nav = page.getByRole("navigation", { name: "Settings sections" });
      await expect(nav.getByRole("link")).toHaveText(sections);
      for (const title of sections)
        await expect(
          page.getByRole("region", { name: title, exact: true }).getByRole("heading", { level: 2 }),
        ).toHaveText(title);
      await nav.getByRole("link", { name: "History" }).click();
      await expect(page).toHaveURL(/#history$/);
      await expect(page.getByRole("heading", { name: "History", level: 2 })).toBeInViewport();
      // Desktop: the nav stays beside the sections; phone: nothing is wider than the screen.
      if (size === "desktop") await expect(nav.getByRole("link", { name: "Contact", exact: true })).toBeInViewport();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  });
}

test.describe("the time zone picker", () => {
  test.use({ storageState: formsAuth("tara") });

  test("lists the patient's country first, finds a zone by city, shows its local time and saves it", async ({
    page,
  }) => {
    await page.goto("/settings");
    const zone = page.getByRole("combobox", { name: "Time zone", exact: true });
    await expect(zone).toHaveValue("America/Chicago");
    await expect(zone.locator("optgroup").first()).toHaveAttribute("label", "In United States of America");
    await expect(page.getByTestId("time-zone-local-time")).toContainText(
      /Now in Chicago: \w+day \d\d:\d\d \(GMT-[56]\)/,
    );

    await page.getByLabel("Search time zones").fill("tokyo");
    await expect(page.getByText("1 zone matches.")).toBeVisible();
    await expect(zone).toHaveValue("Asia/Tokyo");
    await expect(page.getByTestId("time-zone-local-time")).toContainText(/Now in Tokyo: \w+day \d\d:\d\d \(GMT\+9\)/);
    await page.getByRole("button", { name: "Save time zone" }).click();
    await expect(page.getByRole("region", { name: "Time zone" }).getByRole("status")).toHaveText(
      "Your time zone is saved.",
    );
    await expect(history(page, "Time zone")).toContainText("America/Chicago → Asia/Tokyo");
    await page.reload();
    await expect(page.getByRole("combobox", { name: "Time zone", exact: true })).toHaveValue("Asia/Tokyo");
  });
});

test.describe("consents in human words", () => {
  test.use({ storageState: formsAuth("tara") });

  test("each consent names its text by date, and each button names its consent", async ({ page }) => {
    await page.goto("/settings");
    const recording = page.getByRole("article", { name: "Recording of video visits" });
    await expect(recording).toContainText("This is the recording consent text of 1 January 2026.");
    await expect(page.getByText(/text version/)).toHaveCount(0);
    await expect(recording.getByTestId("recordingConsent-status")).toContainText(
      "to the recording consent text of 1 January 2026.",
    );
    await expect(history(page, "Recording consent")).toContainText("the recording consent text of 1 January 2026");
    await expect(page.getByRole("button", { name: "Withdraw recording consent" })).toHaveCount(1);
    await expect(page.getByRole("button", { name: "Give progress sharing consent" })).toHaveCount(1);
  });
});

test.describe("notification switches and radios with JavaScript", () => {
  test.use({ storageState: formsAuth("rory") });

  test("save at once with no submit button, and the radios save once per choice, never an error", async ({ page }) => {
    await page.goto("/settings");
    const region = page.getByRole("region", { name: "Notifications" });
    await expect(region.getByRole("button", { name: "Save notification choices" })).toHaveCount(0);
    await region.getByRole("switch", { name: "Appointment reminders" }).click();
    await expect(region.locator("#notifications-status")).toHaveText("Your notification choices are saved.");
    await expect(history(page, "Appointment reminders")).toHaveCount(1);

    // Texts are on by SMS without the WhatsApp opt-in: arrowing to WhatsApp waits for the tick, it is not refused.
    await region.getByRole("radio", { name: "SMS" }).focus();
    await page.keyboard.press("ArrowRight");
    await expect(region.getByRole("radio", { name: "WhatsApp" })).toBeChecked();
    await expect(region.getByText("Tick the WhatsApp opt-in to get your texts by WhatsApp")).toBeVisible();
    await expect(page.locator("#whatsappOptIn-error")).toHaveCount(0);
    await region.getByLabel("I agree to receive messages from the clinic on WhatsApp.").check();
    await expect(history(page, "Text channel")).toHaveCount(1);
    await expect(history(page, "Text channel")).toContainText("SMS → WhatsApp");
    await expect(history(page, "WhatsApp opt-in")).toHaveCount(1);

    // Back with one arrow key: exactly one more save.
    await region.getByRole("radio", { name: "WhatsApp" }).focus();
    await page.keyboard.press("ArrowLeft");
    await expect(history(page, "Text channel")).toHaveCount(2);
    await expect(history(page, "Text channel").first()).toContainText("WhatsApp → SMS");
    await page.reload();
    await expect(history(page, "Text channel")).toHaveCount(2);
    await expect(page.getByRole("radio", { name: "SMS" })).toBeChecked();
    await expect(page.locator('[aria-invalid="true"]')).toHaveCount(0);
  });
});

test.describe("without JavaScript", () => {
  test.use({ storageState: formsAuth("nico"), javaScriptEnabled: false });

  test("the notification choices save with their button, which only appears without JavaScript", async ({ page }) => {
    await page.goto("/settings");
    const region = page.getByRole("region", { name: "Notifications" });
    await region.getByRole("switch", { name: "Appointment reminders" }).uncheck();
    await region.getByRole("button", { name: "Save notification choices" }).click();
    await expect(page.getByText("Your notification choices are saved.")).toBeVisible();
    await expect(history(page, "Appointment reminders")).toContainText("On → Off");
    // The time zone list works as a plain grouped select.
    await expect(page.getByLabel("Search time zones")).toHaveCount(0);
    await page.getByRole("combobox", { name: "Time zone", exact: true }).selectOption("Europe/Paris");
    await page.getByRole("button", { name: "Save time zone" }).click();
    await expect(page.getByText("Your time zone is saved.")).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Time zone", exact: true })).toHaveValue("Europe/Paris");
  });
});

test.describe("the history on a phone", () => {
  test.use({ storageState: formsAuth("tara"), viewport: { width: 390, height: 844 } });

  test("reads as stacked cards, each value named, nothing cut off", async ({ page }) => {
    await page.goto("/settings#history");
    const row = history(page, "Recording consent");
    await expect(row).toHaveCSS("display", "block");
    await expect(row.locator("td").first()).toHaveAttribute("data-label", "When");
    const box = await row.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  });
});

import { expect, test, type Page } from "@playwright/test";
import { frameAuth, framePeople } from "./support/frame-fixtures";

const nav = (page: Page) => page.getByRole("navigation", { name: "Main" });

test.describe("signed out", () => {
  test("the front page names the clinic and offers sign-in, help, contact and the privacy notice", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Riverside Clinic");
    await expect(page.getByTestId("site-name")).toHaveText(/Riverside Clinic\s*Patient portal/);
    await expect(page.getByRole("link", { name: "Sign in with your email" })).toHaveAttribute("href", "/sign-in");
    const help = page.getByRole("region", { name: "Need help?" });
    await expect(help.getByRole("link", { name: "020 7946 0321" })).toHaveAttribute("href", "tel:02079460321");
    await expect(help.getByRole("link", { name: "help@clinic.example" })).toHaveAttribute(
      "href",
      "mailto:help@clinic.example",
    );

    await help.getByRole("link", { name: "answers to common questions" }).click();
    await expect(page).toHaveURL(/\/help$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Help");
    await expect(nav(page).getByRole("link", { name: "Help", exact: true })).toHaveAttribute("aria-current", "page");

    await page.getByRole("contentinfo").getByRole("link", { name: "Privacy notice" }).click();
    await expect(page).toHaveURL(/\/privacy$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Privacy notice");
    for (const section of ["What the portal stores", "Who sees it", "Consent", "Messages"]) {
      await expect(page.getByRole("heading", { level: 2, name: section, exact: true })).toBeVisible();
    }
    await expect(nav(page).getByRole("link", { name: "Privacy", exact: true })).toHaveAttribute("aria-current", "page");
    await expect(nav(page).getByRole("link", { name: "Help", exact: true })).not.toHaveAttribute("aria-current");
  });

  test("the favicon is served: the page's SVG icon and /favicon.ico", async ({ page }) => {
    await page.goto("/");
    const iconHref = await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute("href");
    expect(iconHref).toMatch(/^\/icon\.svg/);
    const svg = await page.request.get(iconHref!);
    expect(svg.status()).toBe(200);
    expect(svg.headers()["content-type"]).toContain("image/svg+xml");
    const ico = await page.request.get("/favicon.ico");
    expect(ico.status()).toBe(200);
    expect(ico.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  });

  test("an unsubscribe link that does not work says so and links to Settings, with no button", async ({ page }) => {
    for (const path of ["/unsubscribe?token=nonsense", "/unsubscribe"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link does not work");
      await expect(page.getByRole("button", { name: "Stop email notifications" })).toHaveCount(0);
      await expect(page.getByRole("link", { name: "Settings page" })).toHaveAttribute("href", "/settings");
    }
  });

  test("an empty sign-in shows one error, next to the field", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.locator("#email-error")).toHaveText("Enter a valid email address.");
    await expect(page.getByLabel("Email address")).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("form").getByRole("status")).toHaveText("");
    await expect(page.getByText(/Check the email address|valid email address/)).toHaveCount(1);
  });

  test("after 'Check your email' the same address can ask for another link, and gets it", async ({ page }) => {
    const email = framePeople.cleo.email;
    const outbox = `/dev/outbox?to=${encodeURIComponent(email)}`;
    const links = page.getByRole("link", { name: /api\/auth\/callback/ });
    await page.goto(outbox);
    const before = await links.count();

    await page.goto("/sign-in");
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    const status = page.locator("form").getByRole("status");
    await expect(status).toHaveText(/^Check your email:/);
    await expect(page.getByLabel("Email address")).toHaveValue(email);
    await page.getByRole("button", { name: "Send another link" }).click();
    await expect(status).toHaveText(/^Check your email again: .*another sign-in link is on its way\.$/);

    await expect(async () => {
      await page.goto(outbox);
      expect(await links.count()).toBe(before + 2);
    }).toPass({ timeout: 10_000 });
  });
});

const headers = [
  { who: "patient", storageState: frameAuth("cal"), area: "Patient portal", path: "/settings", current: "Settings" },
  {
    who: "clinician",
    storageState: frameAuth("clinician"),
    area: "Clinician workspace",
    path: "/schedule",
    current: "Schedule",
  },
  { who: "admin", storageState: "e2e/.auth/admin.json", area: "Administration", path: "/admin", current: "Admin" },
] as const;

for (const { who, storageState, area, path, current } of headers) {
  test.describe(who, () => {
    test.use({ storageState });

    test(`the header names the clinic and the ${area}, and the nav marks the current page`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByTestId("site-name")).toHaveText(new RegExp(`Riverside Clinic\\s*${area}`));
      const links = nav(page).getByRole("link");
      const marked = nav(page).getByRole("link", { name: current, exact: true });
      await expect(marked).toHaveAttribute("aria-current", "page");
      await expect(links.and(page.locator("[aria-current]"))).toHaveCount(1);
      // The footer's help and privacy links are on every page.
      await expect(page.getByRole("contentinfo").getByRole("link", { name: "Privacy notice" })).toBeVisible();
    });
  });
}

test.describe("inside a section", () => {
  test.use({ storageState: frameAuth("cal") });

  test("a visit page marks Appointments as the section it belongs to", async ({ page }) => {
    await page.goto("/appointments");
    await expect(nav(page).getByRole("link", { name: "Appointments" })).toHaveAttribute("aria-current", "page");
    await page.getByRole("link", { name: /Join video visit/ }).click();
    await expect(page).toHaveURL(/\/visit\//);
    await expect(nav(page).getByRole("link", { name: "Appointments" })).toHaveAttribute("aria-current", "true");
  });
});

import { expect, test } from "@playwright/test";

test.describe("patient", () => {
  test.use({ storageState: "e2e/.auth/patient.json" });

  test("sees their upcoming appointments in their own time zone, and a link to settings", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/appointments$/);
    await expect(page.getByText("Times are shown in your time zone, America/New_York.")).toBeVisible();
    const rows = page.getByRole("list", { name: "Upcoming" }).getByTestId("appointment");
    await expect(rows.first()).toContainText("Dr. Meredith Grey");
    await expect(rows.first()).toContainText("Video visit");
    await expect(rows.first().locator("time")).toHaveText(/ (EST|EDT)$/);
    await expect(page.getByText("In person").first()).toBeVisible();
    // A cancelled one stays in its place, marked, with nothing to click (schedule.spec may cancel another of Ben's).
    const cancelled = rows.filter({ hasText: "Cancelled" });
    await expect(cancelled.first()).toBeVisible();
    await expect(cancelled.getByRole("link")).toHaveCount(0);
    await expect(page.getByRole("link", { name: /Settings/ }).first()).toBeVisible();
    await expect(page.getByTestId("signed-in-as")).toContainText("Ben Carter");
    await expect(page.getByTestId("signed-in-as")).toContainText("Patient");
  });

  for (const path of [
    "/schedule",
    "/admin",
    "/admin/video-sessions",
    "/admin/progress-sharing",
    "/admin/appointments",
  ]) {
    test(`is refused ${path} with a 403 page that shows no data`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
      await expect(page.getByTestId("appointment")).toHaveCount(0);
    });
  }
});

test.describe("clinician", () => {
  test.use({ storageState: "e2e/.auth/clinician.json" });

  test("sees their schedule with a video session link on each telehealth appointment", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/schedule$/);
    const video = page
      .getByTestId("appointment")
      .filter({ hasText: "Video visit" })
      .filter({ hasText: "Ada Lovelace" })
      .first();
    await expect(video.getByRole("link", { name: "Start video session" })).toHaveAttribute(
      "href",
      /^\/sessions\/[0-9a-f-]{36}$/,
    );
    const inPerson = page.getByTestId("appointment").filter({ hasText: "In person" }).first();
    await expect(inPerson.getByRole("link")).toHaveCount(0);
    const cancelled = page.getByTestId("appointment").filter({ hasText: "Cancelled" });
    await expect(cancelled).toHaveCount(2);
    await expect(cancelled.getByRole("link")).toHaveCount(0);
    // Ben's video visit with Dr. Shepherd is not on Dr. Grey's schedule: only his two with her are (the seed's
    // tomorrow, and the one open now that the lifecycle fixtures add for the admin journey to start).
    const upcoming = page.getByRole("region", { name: "Upcoming appointments" });
    await expect(
      upcoming.getByTestId("appointment").filter({ hasText: "Ben Carter" }).filter({ hasText: "Video visit" }),
    ).toHaveCount(2);
  });

  for (const path of ["/appointments", "/progress", "/admin", "/admin/progress-sharing", "/admin/appointments"]) {
    test(`is refused ${path}`, async ({ page }) => {
      expect((await page.goto(path))?.status()).toBe(403);
    });
  }
});

test.describe("admin", () => {
  test.use({ storageState: "e2e/.auth/admin.json" });

  test("lands on the admin home and is refused the clinician schedule", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Clinic administration" })).toBeVisible();
    expect((await page.goto("/schedule"))?.status()).toBe(403);
    // Notes are clinical data written by clinicians only; the admin's views are read-only.
    expect((await page.goto("/progress"))?.status()).toBe(403);
  });
});

test("a signed-out visitor is sent to sign-in, on a phone-sized screen too", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto("/appointments");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fappointments$/);
  await expect(page.getByRole("button", { name: "Email me a sign-in link" })).toBeInViewport();
});

import { expect, test } from "@playwright/test";
import { adaAuth, adaByron } from "./support/access-fixtures";

const adminLists = [
  ["/admin/deliveries", "message-row"],
  ["/admin/consent-ledger", "ledger-row"],
  ["/admin/progress-sharing", "progress-sharing-row"],
  ["/admin/video-sessions", "video-session-row"],
  ["/admin/appointments", "appointment-change-row"],
  ["/admin/access-log", "access-row"],
] as const;

test.describe("admin search", () => {
  test.use({ storageState: "e2e/.auth/admin.json" });

  for (const [path, rowId] of adminLists) {
    test(`"ada" finds Ada on ${path}, and its CSV holds the same filter`, async ({ page }) => {
      await page.goto(path);
      await page.getByLabel("Patient email or name").fill("ada");
      await page.getByRole("button", { name: "Filter" }).click();
      await expect(page).toHaveURL(/patient=ada/);
      const rows = page.getByTestId(rowId);
      await expect(rows.filter({ hasText: adaByron.name }).first()).toBeVisible();
      await expect(rows.filter({ hasText: "Ben Carter" })).toHaveCount(0);
      await expect(page.getByTestId("list-total")).toContainText(/of \d+/);
      // Times to the second, with the zone named.
      await expect(rows.first()).toContainText(/\d{2}:\d{2}:\d{2} (GMT|UTC)/);
      const href = await page.getByRole("link", { name: "Download CSV" }).getAttribute("href");
      expect(href).toContain("patient=ada");
      const csv = await page.request.get(href!);
      expect(csv.status()).toBe(200);
      const text = await csv.text();
      // Every list's CSV names the patient by name or email (the ledger's by email).
      expect(text).toMatch(/ada/i);
      expect(text).not.toMatch(/Ben Carter|ben@patients\.example/);
    });
  }
});

test("Dr Grey reads Ada's notes, and Ada sees it on her page, in her zone", async ({ browser }) => {
  const clinician = await browser.newContext({ storageState: "e2e/.auth/clinician.json" });
  const grey = await clinician.newPage();
  await grey.goto("/schedule");
  // Only recent visits link to their notes.
  await grey
    .getByTestId("appointment")
    .filter({ hasText: "Ada Lovelace" })
    .getByRole("link", { name: "Progress notes" })
    .first()
    .click();
  await expect(grey.getByRole("heading", { level: 1 })).toHaveText("Progress notes: Ada Lovelace");
  const readAt = Date.now();
  await clinician.close();

  const patient = await browser.newContext({ storageState: adaAuth });
  const ada = await patient.newPage();
  await ada.goto("/appointments");
  await ada.getByRole("link", { name: "Who has seen my record" }).click();
  await expect(ada.getByRole("heading", { level: 1 })).toHaveText("Who has seen my record");
  await expect(ada.getByText("times in Europe/London")).toBeVisible();
  const entry = ada
    .getByTestId("timeline-entry")
    .filter({ hasText: "Dr. Meredith Grey (clinician) viewed" })
    .filter({ hasText: "Progress notes" })
    .first();
  await expect(entry).toBeVisible();
  // In Ada's zone (Europe/London: GMT in winter, BST in summer), within a minute of the read.
  await expect(entry).toContainText(/(GMT|BST)$/);
  const shown = Date.parse((await entry.locator("time").getAttribute("datetime"))!);
  expect(Math.abs(shown - readAt)).toBeLessThan(60_000);
  await patient.close();
});

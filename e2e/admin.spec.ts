import { expect, test } from "@playwright/test";

test.describe("admin", () => {
  test.use({ storageState: "e2e/.auth/admin.json" });

  test("finds a patient's consent history and exports it as CSV", async ({ page }) => {
    await page.goto("/admin");
    await page.getByRole("link", { name: "Consent ledger" }).click();
    await page.getByLabel("Patient email").fill("ada@patients.example");
    await page.getByLabel("Field").selectOption({ label: "Recording consent" });
    await page.getByRole("button", { name: "Filter" }).click();
    const given = page.getByTestId("ledger-row").filter({ hasText: "Not given → Given" });
    await expect(given).toHaveCount(1);
    await expect(given).toContainText("Ada Lovelace");
    await expect(given).toContainText("text version recording-2026-01");
    await expect(page.getByTestId("ledger-row").filter({ hasText: "Email notifications" })).toHaveCount(0);

    const csv = await page.request.get(
      `/admin/consent-ledger/export?patient=ada%40patients.example&field=recordingConsent`,
    );
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[0]).toBe(
      "when_utc,patient_email,field,old_value,new_value,actor,actor_email,consent_version,request_means",
    );
    expect(
      lines.some((line) => line.includes('"ada@patients.example","recordingConsent","false","true","patient"')),
    ).toBe(true);
    expect(lines.every((line, i) => i === 0 || line.includes('"recordingConsent"'))).toBe(true);
  });
});

for (const role of ["patient", "clinician"] as const) {
  test.describe(role, () => {
    test.use({ storageState: `e2e/.auth/${role}.json` });
    test(`is refused the consent ledger and its export`, async ({ page }) => {
      expect((await page.goto("/admin/consent-ledger"))?.status()).toBe(403);
      await expect(page.getByTestId("ledger-row")).toHaveCount(0);
      expect((await page.request.get("/admin/consent-ledger/export")).status()).toBe(403);
    });
  });
}

test.describe("admin home", () => {
  test.use({ storageState: "e2e/.auth/admin.json" });

  test("shows whether every change has reached Inngest", async ({ page }) => {
    await page.goto("/admin");
    await expect(page.getByRole("heading", { name: "Event delivery to Inngest" })).toBeVisible();
    // The e2e server runs the Inngest stand-in, so nothing waits ten minutes here.
    const health = page.getByTestId("outbox-health");
    await expect(health).toHaveText(/reached Inngest|on the way to Inngest/);
    await expect(health).not.toHaveAttribute("role", "alert");
  });
});

test.describe("admin appointment changes", () => {
  test.use({ storageState: "e2e/.auth/admin.json" });

  test("shows who booked, moved and cancelled each appointment", async ({ page }) => {
    await page.goto("/admin");
    await page.getByRole("link", { name: "Appointment changes" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Appointment changes");
    await page.getByLabel("Patient email").fill("ben@patients.example");
    await page.getByRole("button", { name: "Filter" }).click();
    const rows = page.getByTestId("appointment-change-row");
    await expect(rows.first()).toContainText("Ben Carter");
    // The seed's rows predate the record of who booked them; they say so rather than guess.
    await expect(rows.filter({ hasText: "Dr. Derek Shepherd" }).first()).toContainText("by not recorded");
  });
});

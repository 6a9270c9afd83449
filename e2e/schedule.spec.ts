import { expect, test } from "@playwright/test";
import { people, signIn } from "./support/sign-in";

test("a clinician books, reschedules and cancels an appointment for their patient", async ({ page }) => {
  await signIn(page, people.shepherd);
  // Dr. Shepherd works every day around the clock (seed): any day will do.
  const day = new Date(Date.now() + 8 * 24 * 3600_000).toISOString().slice(0, 10);
  const booking = page.getByRole("region", { name: "Book an appointment" });
  await booking.getByLabel("Patient").selectOption({ label: "Ben Carter" });
  await booking.getByLabel(/^Date and time/).fill(`${day}T10:00`);
  await booking.getByRole("button", { name: "Book appointment" }).click();
  await expect(booking.getByRole("status")).toHaveText(
    "Booked. The confirmation to the patient is queued; it goes out as their settings allow.",
  );

  const row = page.getByTestId("appointment").filter({ hasText: "10:00" }).filter({ hasText: "Ben Carter" });
  await expect(row).toHaveCount(1);
  await row.getByText("Change time").click();
  await row.getByLabel(/^New time/).fill(`${day}T11:30`);
  await row.getByRole("button", { name: "Reschedule" }).click();
  const moved = page.getByTestId("appointment").filter({ hasText: "11:30" }).filter({ hasText: "Ben Carter" });
  await expect(moved).toHaveCount(1);
  // Cancelling asks first, on a page of its own; the reason is optional.
  await moved.getByRole("link", { name: "Cancel appointment" }).click();
  await expect(page.getByRole("heading", { name: "Cancel this appointment?" })).toBeVisible();
  await page.getByLabel(/^Reason/).fill("Clinic closed");
  await page.getByRole("button", { name: "Yes, cancel the appointment" }).click();
  await expect(page.getByRole("status")).toContainText("Cancelled.");
  await page.goto("/schedule");
  const cancelled = page
    .locator('[data-testid="appointment"][data-status="cancelled"]')
    .filter({ hasText: "Ben Carter" });
  await expect(cancelled.filter({ hasText: "11:30" })).toHaveCount(1);
  await expect(cancelled.filter({ hasText: "11:30" }).getByRole("button")).toHaveCount(0);
});

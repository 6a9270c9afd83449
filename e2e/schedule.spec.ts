import { expect, test } from "@playwright/test";
import { people, signIn } from "./support/sign-in";

test("a clinician books, reschedules and cancels an appointment for their patient", async ({ page }) => {
  await signIn(page, people.shepherd);
  const day = new Date(Date.now() + 8 * 24 * 3600_000).toISOString().slice(0, 10);
  const booking = page.getByRole("region", { name: "Book an appointment" });
  await booking.getByLabel("Patient").selectOption({ label: "Ben Carter" });
  await booking.getByLabel("Date and time (your time zone)").fill(`${day}T10:00`);
  await booking.getByRole("button", { name: "Book appointment" }).click();
  await expect(booking.getByRole("status")).toHaveText(
    "Booked. The confirmation to the patient is queued; it goes out as their settings allow.",
  );

  const row = page.getByTestId("appointment").filter({ hasText: "10:00" }).filter({ hasText: "Ben Carter" });
  await expect(row).toHaveCount(1);
  await row.getByLabel("New time").fill(`${day}T11:30`);
  await row.getByRole("button", { name: "Reschedule" }).click();
  const moved = page.getByTestId("appointment").filter({ hasText: "11:30" }).filter({ hasText: "Ben Carter" });
  await expect(moved).toHaveCount(1);
  await moved.getByRole("button", { name: "Cancel appointment" }).click();
  await expect(moved).toContainText("Cancelled");
  await expect(moved.getByRole("button")).toHaveCount(0);
});

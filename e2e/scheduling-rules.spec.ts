import { expect, test, type Page } from "@playwright/test";
import ICAL from "ical.js";
import { weekdayAhead } from "@/testing/dates";
import { outboxFor, people } from "./support/sign-in";

// A British browser: the schedule shows times in the viewer's locale, and the rows are found by 24-hour times.
test.use({ storageState: "e2e/.auth/clinician.json", locale: "en-GB" });
test.describe.configure({ timeout: 90_000 });

/** The next Sunday at least `days` ahead: Dr. Grey does not work Sundays. */
function sundayAhead(days: number) {
  const date = new Date(Date.now() + days * 86_400_000);
  while (date.getUTCDay() !== 0) date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

async function book(page: Page, local: string) {
  const booking = page.getByRole("region", { name: "Book an appointment" });
  await booking.getByLabel("Patient").selectOption({ label: "Ada Lovelace" });
  await booking.getByLabel(/^Date and time/).fill(local);
  await booking.getByRole("button", { name: "Book appointment" }).click();
  return booking;
}

/** The newest email to Ada whose text contains `text`, with its .ics parsed back by ical.js. */
async function calendarInOutbox(page: Page, text: string) {
  const message = page
    .getByTestId("outbox-message")
    .and(page.locator('[data-channel="email"]'))
    .filter({ hasText: text });
  await expect(async () => {
    await page.goto(outboxFor(people.ada));
    await expect(message.first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  const href = (await message
    .first()
    .getByRole("link", { name: /\.ics$/ })
    .getAttribute("href"))!;
  const ics = Buffer.from(href.slice(href.indexOf(",") + 1), "base64").toString("utf8");
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
  return { method: calendar.getFirstPropertyValue("method"), uid: event.uid, sequence: event.sequence };
}

test("an overlapping booking and one outside working hours are refused with their reasons; typed values stay", async ({
  page,
}) => {
  await page.goto("/schedule");
  const day = weekdayAhead(30);
  const first = await book(page, `${day}T10:00`);
  await expect(first.getByRole("status")).toContainText("Booked.");

  const overlap = await book(page, `${day}T10:15`);
  await expect(overlap.locator("#startsAt-error")).toHaveText(/Overlaps another visit, 10:00–10:30\./);
  await expect(overlap.getByLabel(/^Date and time/)).toHaveValue(`${day}T10:15`);
  await expect(overlap.getByLabel("Patient")).toHaveValue(/.+/);

  const sunday = sundayAhead(30);
  const closed = await book(page, `${sunday}T10:00`);
  await expect(closed.locator("#startsAt-error")).toHaveText(
    "Dr. Meredith Grey does not work on Sundays (Europe/London).",
  );
  await expect(closed.getByLabel(/^Date and time/)).toHaveValue(`${sunday}T10:00`);
  // The form names both zones and shows Ada's own time for the slot.
  await expect(closed.getByText(/Ada Lovelace's time zone is Europe\/London/)).toBeVisible();
});

test("cancelling asks for confirmation; the emails carry one UID, REQUEST then CANCEL with a higher SEQUENCE", async ({
  page,
}) => {
  await page.goto("/schedule");
  const day = weekdayAhead(40);
  const booking = await book(page, `${day}T16:45`);
  await expect(booking.getByRole("status")).toContainText("Booked.");
  const confirmed = await calendarInOutbox(page, "at 16:45");
  expect(confirmed.method).toBe("REQUEST");

  await page.goto("/schedule");
  const row = page.getByTestId("appointment").filter({ hasText: "Ada Lovelace" }).filter({ hasText: "16:45" });
  await row.getByRole("link", { name: "Cancel appointment" }).click();
  // Nothing happens until it is confirmed: "No, keep it" leaves it scheduled.
  await page.getByRole("link", { name: "No, keep it" }).click();
  await expect(row).toHaveAttribute("data-status", "scheduled");
  await row.getByRole("link", { name: "Cancel appointment" }).click();
  await page.getByLabel(/^Reason/).fill("PRIVATE staff reason");
  await page.getByRole("button", { name: "Yes, cancel the appointment" }).click();
  await expect(page.getByRole("status")).toContainText("Cancelled.");

  const cancelled = await calendarInOutbox(page, "cancelled");
  expect(cancelled.method).toBe("CANCEL");
  expect(cancelled.uid).toBe(confirmed.uid);
  expect(cancelled.sequence).toBeGreaterThan(confirmed.sequence);
  await expect(page.getByText("PRIVATE staff reason")).toHaveCount(0);
});

import { expect, test, type Page } from "@playwright/test";
import { weekdayAhead } from "@/testing/dates";
import { inngestRunnerUrl } from "./support/inngest";
import { people, signIn } from "./support/sign-in";

// Nothing here waits on a test hook: the booking's event leaves the outbox after the response, the runner that
// `npm run demo` starts runs send-appointment-message through /api/inngest, and the pages show what it did.
test.describe.configure({ timeout: 90_000 });

/** Reloads until `check` passes: the message is sent by a background function, a moment after the booking. */
async function eventually(page: Page, check: () => Promise<void>) {
  await expect(async () => {
    await page.reload();
    await check();
  }).toPass({ timeout: 30_000, intervals: [250, 500, 1000] });
}

test("a booking Dr. Grey makes reaches Ada by email and SMS, and her Messages say so, within seconds", async ({
  browser,
  page,
}) => {
  await signIn(page, people.ada);
  await page.goto("/settings");
  // The settings specs turn Ada's email off; this story needs it on.
  const email = page.getByRole("switch", { name: "Email notifications" });
  if (!(await email.isChecked())) {
    await email.click();
    await expect(page.getByRole("status").filter({ hasText: "Your notification choices are saved." })).toBeVisible();
  }

  const grey = await (await browser.newContext({ storageState: "e2e/.auth/clinician.json" })).newPage();
  await grey.goto("/schedule");
  // A weekday: inside Dr. Grey's hours (Monday to Friday, 08:00–18:00 London).
  const day = weekdayAhead(23);
  const booking = grey.getByRole("region", { name: "Book an appointment" });
  await booking.getByLabel("Patient").selectOption({ label: "Ada Lovelace" });
  await booking.getByLabel(/^Date and time/).fill(`${day}T08:15`);
  await booking.getByLabel("In person").check();
  await booking.getByRole("button", { name: "Book appointment" }).click();
  await expect(booking.getByRole("status")).toHaveText(
    "Booked. The confirmation to the patient is queued; it goes out as their settings allow.",
  );

  // The dev outbox holds it on both of Ada's channels, the email with its body.
  await grey.goto(`/dev/outbox?to=${encodeURIComponent(people.ada)}`);
  // The email says "Wednesday, 17 December 2026 at 08:15", the one-segment SMS "Wed 17 Dec 08:15 GMT": both hold
  // the day and short month, and the time.
  const dayAndMonth = new Date(`${day}T12:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  });
  const confirmation = grey.getByTestId("outbox-message").filter({ hasText: dayAndMonth }).filter({ hasText: "08:15" });
  await eventually(grey, async () => {
    await expect(confirmation.and(grey.locator('[data-channel="email"]'))).toHaveCount(1, { timeout: 1000 });
    await expect(confirmation.and(grey.locator('[data-channel="sms"]'))).toHaveCount(1, { timeout: 1000 });
  });
  const emailMessage = confirmation.and(grey.locator('[data-channel="email"]'));
  await expect(emailMessage).toContainText("Your appointment is booked");
  await expect(emailMessage).toContainText("Hi Ada");
  await expect(confirmation.and(grey.locator('[data-channel="sms"]'))).toContainText("SMS to +44");

  // Ada's Messages on /settings: the confirmation, sent on each channel.
  const messages = page.getByRole("table", { name: /messages/i }).getByTestId("message-row");
  const confirmations = messages.filter({ hasText: "Booking confirmation" });
  // Newest first: the scheduling spec books Ada with Dr. Grey earlier in the run, so the top row is this booking's.
  await eventually(page, async () => {
    await expect(confirmations.filter({ hasText: "Email" }).first()).toContainText("Sent", { timeout: 1000 });
    await expect(confirmations.filter({ hasText: "SMS" }).first()).toContainText("Sent", { timeout: 1000 });
  });

  // The runner's own run log shows the run that did it.
  const log = await (await page.request.get(inngestRunnerUrl())).text();
  expect(log).toContain("send-appointment-message");
  expect(log).toContain("portal/appointment.booked");
});

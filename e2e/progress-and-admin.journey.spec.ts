import { expect, test, type Browser, type Page } from "@playwright/test";
import { runCron, settleFunctions } from "./support/inngest";
import { people, signIn } from "./support/sign-in";

// One story, in order: Ben names a care contact and consents, Dr. Grey writes a note, Ben withdraws, Dr. Grey corrects
// the note; then the admin answers "what happened and why" from the portal alone.
// Each test is a whole story across three browsers, so it gets more time than a single page's test.
test.describe.configure({ mode: "serial", timeout: 120_000 });

const PRIVATE = "Private: query thyroid function; recheck TSH in six weeks.";
const SUMMARY = "Your energy is improving. Keep walking 20 minutes a day.";
const CORRECTION = "Your energy is improving. Keep walking 30 minutes a day.";

async function as(browser: Browser, who: "patient" | "clinician" | "admin"): Promise<Page> {
  const context = await browser.newContext({
    storageState: `e2e/.auth/${who}.json`,
    permissions: ["camera", "microphone"],
  });
  return context.newPage();
}

async function writeNote(grey: Page, summary: string, correctsLatest = false) {
  await grey.goto("/schedule");
  const visit = grey
    .getByRole("list", { name: "Recent visits" })
    .getByTestId("appointment")
    .filter({ hasText: "Ben Carter" })
    .first();
  await visit.getByRole("link", { name: "Progress notes" }).click();
  await expect(grey.getByRole("heading", { name: "Progress notes: Ben Carter" })).toBeVisible();
  await grey.getByLabel("Private clinical note").fill(PRIVATE);
  await grey.getByLabel("Summary for Ben").fill(summary);
  if (correctsLatest) await grey.getByLabel("This note", { exact: true }).selectOption({ index: 1 });
  await grey.getByRole("button", { name: "Save note" }).click();
  await expect(grey.getByRole("status")).toContainText("Saved. The summary is on the patient's Progress page");
}

test("a progress note reaches the care contact only while Ben consents; Ben never sees the private note", async ({
  browser,
}) => {
  const ben = await as(browser, "patient");
  await ben.goto("/settings");
  // Earlier specs may have turned Ben's email off; this story needs it on.
  const email = ben.getByRole("switch", { name: "Email notifications" });
  if (!(await email.isChecked())) {
    await email.click();
    await expect(ben.getByRole("status").filter({ hasText: "Your notification choices are saved." })).toBeVisible();
  }
  const careContact = ben.getByRole("region", { name: "Care contact" });
  await careContact.getByLabel("Name").fill("Alice Carter");
  await careContact.getByLabel("Relationship to you (optional)").fill("Sister");
  await careContact.getByLabel("Email").fill("alice@family.example");
  await careContact.getByRole("button", { name: "Save care contact" }).click();
  await expect(careContact.getByRole("status")).toHaveText("Your care contact is saved.");
  const sharing = ben.getByRole("article", { name: "Sharing my progress updates" });
  await sharing.getByLabel("I have read the text above and I agree to it.").check();
  await sharing.getByLabel("Your full name (your signature)").fill("Ben Carter");
  await sharing.getByRole("button", { name: "Give progress sharing consent" }).click();
  await expect(sharing.getByTestId("progressSharingConsent-status")).toContainText("Given on");

  const grey = await as(browser, "clinician");
  await writeNote(grey, SUMMARY);
  await settleFunctions(grey.request);
  await grey.reload();
  const saved = grey.getByTestId("saved-note").first();
  await expect(saved).toContainText("Shared");
  await expect(saved).toContainText("Progress summary to the care contact, Email: Sent");
  await expect(saved).toContainText("New progress update (notice to the patient), Email: Sent");
  await expect(saved).toContainText(
    "New progress update (notice to the patient), SMS: Not sent: text messages are off",
  );

  // The contact's email carries the summary and nothing of the private note; Ben's notice carries neither.
  await grey.goto(`/dev/outbox?to=${encodeURIComponent("alice@family.example")}`);
  await expect(grey.getByTestId("outbox-message")).toHaveCount(1);
  await expect(grey.getByTestId("outbox-message")).toContainText(SUMMARY);
  await expect(grey.getByTestId("outbox-message")).not.toContainText("thyroid");
  await grey.goto(`/dev/outbox?to=${encodeURIComponent(people.ben)}`);
  const notice = grey.getByTestId("outbox-message").filter({ hasText: "A new progress update is available" });
  await expect(notice).toHaveCount(1);
  await expect(notice).not.toContainText("walking");

  await ben.goto("/progress");
  await expect(ben.getByTestId("progress-update").first()).toContainText(SUMMARY);
  await expect(ben.getByText("thyroid")).toHaveCount(0);

  // Ben withdraws; the correction Dr. Grey writes next is not sent to Alice, and the skip says why.
  await ben.goto("/settings");
  await sharing.getByRole("button", { name: "Withdraw progress sharing consent" }).click();
  await expect(sharing.getByTestId("progressSharingConsent-status")).toContainText("Withdrawn on");
  await writeNote(grey, CORRECTION, true);
  await settleFunctions(grey.request);
  await grey.reload();
  const correction = grey.getByTestId("saved-note").first();
  await expect(correction).toContainText("corrects the note of");
  await expect(correction).toContainText(
    "Progress summary to the care contact, Email: Not sent: progress sharing consent was not given",
  );
  await grey.goto(`/dev/outbox?to=${encodeURIComponent("alice@family.example")}`);
  await expect(grey.getByTestId("outbox-message")).toHaveCount(1);

  await ben.goto("/progress");
  await expect(ben.getByTestId("progress-update").first()).toContainText(CORRECTION);
  await expect(ben.getByTestId("progress-update").first()).toContainText("This corrects the update of");
  await expect(ben.getByTestId("progress-update").nth(1)).toContainText("Corrected on");
});

test("the admin finds Ben's consent history, his skipped reminders with their reasons, each note's shares and his video session", async ({
  browser,
  page,
}) => {
  // Dr. Grey starts Ben's video visit, his first, open now (a session starts from 30 minutes before; lifecycle
  // fixtures): Ben has not consented to recording, so the room does not record.
  const grey = await as(browser, "clinician");
  await grey.goto("/schedule");
  const visit = grey
    .getByRole("region", { name: "Upcoming appointments" })
    .getByTestId("appointment")
    .filter({ hasText: "Ben Carter" })
    .filter({ hasText: "Video visit" });
  await grey.goto((await visit.first().getByRole("link", { name: "Start video session" }).getAttribute("href"))!);
  await grey.getByRole("button", { name: "Start session" }).click();
  await expect(grey.getByText("Session started in local preview mode.")).toBeVisible();

  // Dr. Shepherd books Ben three hours ahead: his 24-hour reminder is due at once, and was never going to be useful.
  await signIn(page, people.shepherd);
  const inThreeHours = new Date(Date.now() + 3 * 3600_000);
  const local = new Intl.DateTimeFormat("sv-SE", {
    timeZone: "America/New_York",
    dateStyle: "short",
    timeStyle: "short",
  })
    .format(inThreeHours)
    .replace(" ", "T");
  const booking = page.getByRole("region", { name: "Book an appointment" });
  await booking.getByLabel("Patient").selectOption({ label: "Ben Carter" });
  await booking.getByLabel(/^Date and time/).fill(local);
  await booking.getByLabel("In person").check();
  await booking.getByRole("button", { name: "Book appointment" }).click();
  await expect(booking.getByRole("status")).toHaveText(
    "Booked. The confirmation to the patient is queued; it goes out as their settings allow.",
  );
  const runs = await runCron(page.request, "scan-reminders");
  expect(runs.filter((run) => run.fn === "send-reminder" && run.status === "failed")).toEqual([]);

  const admin = await as(browser, "admin");
  await admin.goto("/admin");
  await admin.getByRole("link", { name: "Consent ledger" }).click();
  await admin.getByLabel("Patient email").fill(people.ben);
  await admin.getByRole("button", { name: "Filter" }).click();
  const ledger = admin.getByTestId("ledger-row");
  await expect(
    ledger.filter({ hasText: "Progress sharing consent" }).filter({ hasText: "Given → Not given" }),
  ).toHaveCount(1);
  await expect(
    ledger.filter({ hasText: "Progress sharing consent" }).filter({ hasText: "Not given → Given" }),
  ).toHaveCount(1);
  await expect(ledger.filter({ hasText: "Care contact email" })).toContainText("alice@family.example");

  await admin.goto("/admin");
  await admin.getByRole("link", { name: "Deliveries" }).click();
  await admin.getByLabel("Patient email").fill(people.ben);
  await admin.getByLabel("Outcome").selectOption({ label: "Not sent" });
  await admin.getByRole("button", { name: "Filter" }).click();
  // Newest first: Dr. Shepherd's booking (the reminders of Ben's visit open now were recorded by earlier scans).
  const skipped = admin.getByTestId("message-row").filter({ hasText: "Reminder, 24 hours before" });
  await expect(skipped.filter({ hasText: "Email" }).first()).toContainText(
    "Not sent: the appointment was booked after this reminder's time",
  );
  await expect(skipped.filter({ hasText: "SMS" }).first()).toContainText(
    "Not sent: the appointment was booked after this reminder's time",
  );
  // Newest first: Dr. Shepherd's booking (earlier specs may have booked Ben too).
  await expect(
    admin.getByTestId("message-row").filter({ hasText: "Booking confirmation" }).filter({ hasText: "SMS" }).first(),
  ).toContainText("Not sent: text messages are off");

  await admin.goto("/admin");
  await admin.getByRole("link", { name: "Progress sharing" }).click();
  const notes = admin.getByTestId("progress-sharing-row").filter({ hasText: "Ben Carter" });
  await expect(notes).toHaveCount(2);
  await expect(notes.nth(0)).toContainText("a correction");
  await expect(notes.nth(0)).toContainText(
    "Progress summary to the care contact, Email: Not sent: progress sharing consent was not given",
  );
  await expect(notes.nth(1)).toContainText("Progress summary to the care contact, Email: Sent");
  await expect(admin.getByText("walking")).toHaveCount(0);

  await admin.goto("/admin/video-sessions");
  await expect(admin.getByRole("heading", { name: "Video sessions" })).toBeVisible();
  const session = admin.getByTestId("video-session-row").filter({ hasText: "Ben Carter" }).first();
  await expect(session).toContainText("Off: no consent stored");
  await expect(session).toContainText("None needed");
});

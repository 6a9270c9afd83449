import { expect, test, type Browser } from "@playwright/test";
import { frameAuth } from "./support/frame-fixtures";
import { guestTokens, partyAuth, partyVisits } from "./support/party-fixtures";
import { outboxFor } from "./support/sign-in";

const media = { permissions: ["camera", "microphone"] };
const asOkafor = async (browser: Browser) =>
  (await browser.newContext({ storageState: frameAuth("clinician"), ...media })).newPage();
const asPatient = async (browser: Browser, who: "paz" | "sol") =>
  (await browser.newContext({ storageState: partyAuth(who), ...media })).newPage();

test("a companion joins by link and declines: every banner turns off within seconds, naming why", async ({
  browser,
}) => {
  // Three browsers and three camera pages: more than the default 30 s on a busy 2-core machine.
  test.setTimeout(60_000);
  const okafor = await asOkafor(browser);
  await okafor.goto(`/sessions/${partyVisits.pazNow}`);
  await okafor.getByRole("button", { name: "Start session" }).click();
  await expect(okafor.getByRole("status").filter({ hasText: /^Recording$/ })).toBeVisible();

  const paz = await asPatient(browser, "paz");
  await paz.goto(`/visit/${partyVisits.pazNow}`);
  await paz.getByRole("button", { name: "Join video visit" }).click();
  const pazRecording = paz.getByTestId("recording-status");
  await expect(pazRecording).toHaveText("This visit is being recorded, as you agreed.");

  // The guest has no account: a fresh browser with the link only.
  const guestContext = await browser.newContext(media);
  const guest = await guestContext.newPage();
  const opened = await guest.goto(`/join/${partyVisits.pazNow}?token=${guestTokens.fresh}`);
  // The guest's page is a video page: it may open the camera.
  expect(opened?.headers()["permissions-policy"]).toMatch(/^camera=\(self\), microphone=\(self\), /);
  await guest.getByLabel("Your name").fill("Gil Guest");
  await guest.getByLabel("No").check();
  await guest.getByRole("button", { name: "Join the visit" }).click();

  const reason = "Recording is off: the companion has not consented.";
  await expect(guest.getByTestId("recording-status")).toHaveText(reason);
  await expect(okafor.getByRole("alert").filter({ hasText: reason })).toBeVisible();
  await expect(pazRecording).toHaveText(reason);
  // Every banner states both; nobody asked for transcription (it is off by default).
  await expect(guest.getByTestId("consent-summary")).toHaveText("Recording off · Transcription off");
  await expect(okafor.getByTestId("consent-summary")).toHaveText("Recording off · Transcription off");
  // The guest sees the visit and nothing of Paz's record.
  await expect(guest.getByText("Paz")).toHaveCount(0);

  // The browser cannot turn it back on: the clinician's resume is refused while the companion has not consented.
  await okafor.getByRole("button", { name: "Resume recording" }).click();
  await expect(okafor.getByTestId("resume-result")).toHaveText(`${reason}`);
  await expect(okafor.getByRole("alert").filter({ hasText: reason })).toBeVisible();
  await Promise.all([okafor.context().close(), paz.context().close(), guestContext.close()]);
});

test("Sol stops recording from the visit page: the clinician's banner turns off without a reload", async ({
  browser,
}) => {
  const okafor = await asOkafor(browser);
  await okafor.goto(`/sessions/${partyVisits.solNow}`);
  await okafor.getByRole("button", { name: "Start session" }).click();
  await expect(okafor.getByRole("status").filter({ hasText: /^Recording$/ })).toBeVisible();

  const sol = await asPatient(browser, "sol");
  await sol.goto(`/visit/${partyVisits.solNow}`);
  await sol.getByRole("button", { name: "Join video visit" }).click();
  const recording = sol.getByTestId("recording-status");
  await expect(recording).toHaveText("This visit is being recorded, as you agreed.");
  await sol.getByRole("button", { name: "Stop recording" }).click();
  await expect(sol.getByTestId("recording-choice-result")).toHaveText("Recording is stopped for this visit.");
  await expect(recording).toHaveText("This visit is not being recorded: you said not this time.");
  await expect(okafor.getByRole("alert").filter({ hasText: "Recording is off: Sol has not consented." })).toBeVisible();
  await Promise.all([okafor.context().close(), sol.context().close()]);
});

test("guest links are refused when reused, expired or for another visit", async ({ page }) => {
  await page.goto(`/join/${partyVisits.pazNow}?token=${guestTokens.used}`);
  await page.getByLabel("Your name").fill("Gil Again");
  await page.getByLabel("Yes, I consent to recording").check();
  await page.getByRole("button", { name: "Join the visit" }).click();
  // Next's route announcer is an alert too: the form's own, in the main landmark.
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "This link has already been used. Ask the clinician for a new one.",
  );

  const join = (token: string) =>
    page.request.post(`/api/guest/${partyVisits.pazNow}/join`, {
      data: { token, displayName: "Gil", recordingConsent: true },
    });
  const expired = await join(guestTokens.expired);
  expect(expired.status()).toBe(410);
  expect(await expired.json()).toEqual({ error: "This link has expired." });
  const other = await join(guestTokens.otherVisit);
  expect(other.status()).toBe(403);
  expect(await other.json()).toEqual({ error: "This link is not for this visit." });
  // Without a guest session the visit's state is not shown.
  expect((await page.request.get(`/api/guest/${partyVisits.pazNow}/state`)).status()).toBe(403);
});

test("Dr. Okafor invites an interpreter from the session page: the link is emailed and opens the guest's form", async ({
  browser,
}) => {
  const okafor = await asOkafor(browser);
  await okafor.goto(`/sessions/${partyVisits.solNow}`);
  const form = okafor.getByRole("form", { name: "Invite a guest" });
  await form.getByLabel("Interpreter").check();
  await form.getByLabel(/Email address or mobile number/).fill("not an address");
  await form.getByRole("button", { name: "Send the invitation" }).click();
  await expect(form.getByTestId("guest-invite-result")).toHaveText("Enter an email address.");
  await form.getByLabel(/Email address or mobile number/).fill("ivy.interpreter@guest.example");
  await form.getByRole("button", { name: "Send the invitation" }).click();
  await expect(form.getByTestId("guest-invite-result")).toHaveText("The invitation is on its way.");

  await okafor.goto(outboxFor("ivy.interpreter@guest.example"));
  const link = okafor.getByRole("link", { name: new RegExp(`/join/${partyVisits.solNow}\\?token=`) });
  const href = await link.getAttribute("href");
  await okafor.context().close();
  const guestContext = await browser.newContext();
  const guest = await guestContext.newPage();
  await guest.goto(href!);
  await expect(guest.getByRole("heading", { name: "Join a video visit" })).toBeVisible();
  await expect(guest.getByText("May this visit be recorded while you take part?")).toBeVisible();
  // Transcription is asked apart, unticked: the guest's no unless they tick it.
  await expect(guest.getByLabel(/^I consent to this visit being transcribed/)).not.toBeChecked();
  await guestContext.close();
});

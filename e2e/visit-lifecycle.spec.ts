import { expect, test, type Page } from "@playwright/test";
import { lifecycleAuth, lifecycleGuestToken, lifecycleVisits } from "./support/lifecycle-fixtures";

const media = { permissions: ["camera", "microphone"] };

/** Whether the camera preview's own tracks of this kind are on (the local preview's Mute and Camera off switch them). */
const previewTrackOn = (page: Page, kind: "audio" | "video") =>
  page.getByLabel("Your camera preview").evaluate((video, which) => {
    const stream = (video as HTMLVideoElement).srcObject as MediaStream;
    const tracks = which === "audio" ? stream.getAudioTracks() : stream.getVideoTracks();
    return tracks.length > 0 && tracks.every((track) => track.enabled);
  }, kind);

test("three sides in the local preview: the guest leaves, the clinician resumes, then ends the visit for everyone", async ({
  browser,
}) => {
  // Three browsers and three camera pages: more than the default 30 s on a busy 2-core machine.
  test.setTimeout(90_000);
  const lund = await (await browser.newContext({ storageState: lifecycleAuth("clinician"), ...media })).newPage();
  await lund.goto(`/sessions/${lifecycleVisits.liaNow}`);
  await lund.getByRole("button", { name: "Start session" }).click();
  await expect(lund.getByRole("status").filter({ hasText: /^Recording$/ })).toBeVisible();

  const lia = await (await browser.newContext({ storageState: lifecycleAuth("lia"), ...media })).newPage();
  await lia.goto(`/visit/${lifecycleVisits.liaNow}`);
  await lia.getByRole("button", { name: "Join video visit" }).click();
  const liaRecording = lia.getByTestId("recording-status");
  await expect(liaRecording).toHaveText("This visit is being recorded, as you agreed.");
  // The local preview's Mute and Camera off switch the preview's own tracks.
  await expect.poll(() => previewTrackOn(lia, "audio")).toBe(true);
  await lia.getByRole("button", { name: "Mute" }).click();
  await expect(lia.getByRole("button", { name: "Unmute" })).toBeVisible();
  expect(await previewTrackOn(lia, "audio")).toBe(false);
  await lia.getByRole("button", { name: "Camera off" }).click();
  await expect(lia.getByRole("button", { name: "Camera on" })).toBeVisible();
  expect(await previewTrackOn(lia, "video")).toBe(false);

  // The guest: the clinician suggested an interpreter; they join as a companion and decline.
  const guestContext = await browser.newContext(media);
  const guest = await guestContext.newPage();
  await guest.goto(`/join/${lifecycleVisits.liaNow}?token=${lifecycleGuestToken}`);
  await expect(guest.getByLabel("An interpreter")).toBeChecked();
  await guest.getByLabel("A companion").check();
  await guest.getByLabel("Your name").fill("Gus Guest");
  await guest.getByLabel("No", { exact: true }).check();
  await guest.getByRole("button", { name: "Join the visit" }).click();
  const reason = "Recording is off: the companion has not consented.";
  // The join and the page's refresh behind it can take several seconds while two workers run six camera pages.
  await expect(guest.getByTestId("recording-status")).toHaveText(reason, { timeout: 20_000 });
  await expect(lund.getByRole("alert").filter({ hasText: reason })).toBeVisible();
  await expect(liaRecording).toHaveText(reason);

  // The guest leaves: nobody present keeps it off now, yet a leave never turns recording back on.
  await guest.getByRole("button", { name: "Leave" }).click();
  await expect(guest.getByRole("status")).toHaveText("You left the visit.");
  await expect(lund.getByRole("alert").filter({ hasText: "Recording is off until you resume it." })).toBeVisible();
  await expect(liaRecording).toHaveText("This visit is not being recorded.");

  // The clinician resumes: everyone present has consented.
  await lund.getByRole("button", { name: "Resume recording" }).click();
  await expect(lund.getByTestId("resume-result")).toHaveText("Recording resumed.");
  await expect(lund.getByRole("status").filter({ hasText: /^Recording$/ })).toBeVisible();
  await expect(liaRecording).toHaveText("This visit is being recorded, as you agreed.");

  // End for everyone: every page says so within a poll, and the clinician is offered the progress note.
  await lund.getByRole("button", { name: "End for everyone" }).click();
  await lund.getByRole("button", { name: "Yes, end the visit for everyone" }).click();
  await expect(lund.getByText("This visit has ended.")).toBeVisible();
  await expect(lia.getByTestId("visit-status")).toContainText("This visit has ended.");
  await expect(lia.getByLabel("Your camera preview")).toHaveCount(0);
  await expect(guest.getByRole("status")).toHaveText("This visit has ended.");
  await lund.getByRole("link", { name: "Write the progress note for this visit" }).click();
  await expect(lund.getByRole("heading", { name: "Progress notes: Lia Leave" })).toBeVisible();

  // Reloaded, the clinician's page still says it has ended; the patient cannot rejoin the ended room.
  await lund.goto(`/sessions/${lifecycleVisits.liaNow}`);
  await expect(lund.getByText("This visit has ended.")).toBeVisible();
  await expect(lund.getByRole("button", { name: "Start session" })).toHaveCount(0);
  const rejoin = await lia.request.post(`/api/visits/${lifecycleVisits.liaNow}/token`, { data: {} });
  expect(rejoin.status()).toBe(409);
  await Promise.all([lund.context().close(), lia.context().close(), guestContext.close()]);
});

test("three hours early the clinician sees when the session opens, with the preview, and no Start button", async ({
  browser,
}) => {
  const lund = await (await browser.newContext({ storageState: lifecycleAuth("clinician"), ...media })).newPage();
  await lund.goto(`/sessions/${lifecycleVisits.eliLater}`);
  await expect(lund.getByTestId("start-window")).toHaveText(/^You can start this session from \d\d:\d\d \S+\.$/);
  await expect(lund.getByLabel("Your camera preview")).toBeVisible();
  await expect(lund.getByRole("button", { name: "Start session" })).toHaveCount(0);
  // A start forged past the page is refused the same way, naming the time.
  const forged = await lund.request.post(`/api/sessions/${lifecycleVisits.eliLater}/room`, { data: {} });
  expect(forged.status()).toBe(425);
  expect((await forged.json()).error).toBe(await lund.getByTestId("start-window").textContent());
  await lund.context().close();
});

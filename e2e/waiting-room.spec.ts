import { expect, test, type Browser } from "@playwright/test";
import { frameAuth, frameVisits } from "./support/frame-fixtures";

const asPerson = async (browser: Browser, who: Parameters<typeof frameAuth>[0]) => {
  const context = await browser.newContext({ storageState: frameAuth(who), permissions: ["camera", "microphone"] });
  return context.newPage();
};

test("Wren waits early; when Dr. Okafor starts, her page joins by itself and tells one story", async ({ browser }) => {
  const wren = await asPerson(browser, "wren");
  await wren.goto(`/visit/${frameVisits.wrenNow}`);
  const status = wren.getByTestId("visit-status");
  const recording = wren.getByTestId("recording-status");
  await expect(status).toContainText("Dr. Nia Okafor has not started the visit yet.");
  await expect(recording).toHaveText(/^This visit will be recorded, as you agreed\./);
  await wren.getByRole("button", { name: "Join video visit" }).click();
  await expect(status).toContainText("You're in the waiting room.");
  await expect(wren.getByRole("button", { name: "Join video visit" })).toHaveCount(0);

  const okafor = await asPerson(browser, "clinician");
  await okafor.goto(`/sessions/${frameVisits.wrenNow}`);
  await okafor.getByRole("button", { name: "Start session" }).click();
  await expect(okafor.getByText("Session started in local preview mode.")).toBeVisible();

  // No reload on Wren's side: the page follows the session and joins.
  await expect(status).toContainText("You're in the visit with Dr. Nia Okafor.");
  await expect(status).toContainText("Joined in local preview mode (video is not configured here).");
  await expect(recording).toHaveText("This visit is being recorded, as you agreed.");
  await expect(status).not.toContainText(/not started|waiting room/);
  await expect(wren.getByText(/not started the visit yet/)).toHaveCount(0);
  await okafor.context().close();
  await wren.context().close();
});

test("Cleo's visit is cancelled while she waits: her page says so without a reload, and stops the camera", async ({
  browser,
}) => {
  const cleo = await asPerson(browser, "cleo");
  await cleo.goto(`/visit/${frameVisits.cleoNow}`);
  const status = cleo.getByTestId("visit-status");
  await expect(status).toContainText("Dr. Nia Okafor has not started the visit yet.");
  await expect(cleo.getByTestId("recording-status")).toHaveText("This visit will not be recorded.");
  await expect(cleo.getByLabel("Your camera preview")).toBeVisible();

  const okafor = await asPerson(browser, "clinician");
  // Straight to the visit's cancel confirmation (the schedule's link to it is the schedule spec's subject).
  await okafor.goto(`/schedule/${frameVisits.cleoNow}/cancel`);
  await okafor.getByRole("button", { name: "Yes, cancel the appointment" }).click();
  await expect(okafor.getByRole("status")).toContainText("Cancelled.");

  await expect(status).toContainText("This visit was cancelled.");
  await expect(cleo.getByLabel("Your camera preview")).toHaveCount(0);
  await expect(cleo.getByRole("button", { name: "Join video visit" })).toHaveCount(0);
  await expect(cleo.getByTestId("recording-status")).toHaveCount(0);
  await expect(status.getByRole("link", { name: "Your appointments" })).toHaveAttribute("href", "/appointments");
  await okafor.context().close();
  await cleo.context().close();
});

test("a visit whose time is over says it has ended, with nothing to join", async ({ browser }) => {
  const wren = await asPerson(browser, "wren");
  await wren.goto(`/visit/${frameVisits.wrenEnded}`);
  await expect(wren.getByTestId("visit-status")).toContainText("This visit has ended.");
  await expect(wren.getByRole("button", { name: "Join video visit" })).toHaveCount(0);
  await expect(wren.getByLabel("Your camera preview")).toHaveCount(0);
  // The join token agrees with the page.
  const token = await wren.request.post(`/api/visits/${frameVisits.wrenEnded}/token`);
  expect(token.status()).toBe(409);
  expect(await token.json()).toEqual({ error: "This visit has ended." });
  await wren.context().close();
});

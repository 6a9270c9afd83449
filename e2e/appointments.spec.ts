import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { frameAuth, frameVisits } from "./support/frame-fixtures";

test.use({ storageState: frameAuth("cal") });

/** "20261127T083000": a moment's wall-clock time in `timeZone`, as an .ics DTSTART with TZID carries it. */
function icsLocal(moment: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(moment)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}${parts.month}${parts.day}T${parts.hour}${parts.minute}${parts.second}`;
}

test("upcoming, past and cancelled appointments, in the patient's zone; Join only on the visit open now", async ({
  page,
}) => {
  await page.goto("/appointments");
  await expect(page.getByText("Times are shown in your time zone, Asia/Kolkata.")).toBeVisible();
  const upcoming = page.getByRole("list", { name: "Upcoming" }).getByTestId("appointment");
  const past = page.getByRole("list", { name: "Past" }).getByTestId("appointment");
  await expect(upcoming).toHaveCount(4);
  await expect(past).toHaveCount(2);
  // India has no abbreviation every runtime knows: IST or GMT+5:30.
  await expect(upcoming.first().locator("time")).toHaveText(/ (IST|GMT\+5:30)$/);

  // The one video visit inside its window is the only one with Join; it is a full page load to the visit.
  await expect(page.getByRole("link", { name: /Join video visit/ })).toHaveCount(1);
  await expect(upcoming.nth(0).getByRole("link", { name: /Join video visit/ })).toHaveAttribute(
    "href",
    `/visit/${frameVisits.calNow}`,
  );
  await expect(upcoming.nth(1)).toContainText("Video visit");
  await expect(upcoming.nth(1)).toContainText("You can join from 15 minutes before the start.");
  await expect(upcoming.nth(1).getByRole("link", { name: /Join/ })).toHaveCount(0);
  await expect(upcoming.nth(2)).toContainText("Cancelled");
  await expect(upcoming.nth(2).getByRole("link")).toHaveCount(0);
  await expect(upcoming.nth(3)).toContainText("In person");
  await expect(upcoming.nth(3).getByRole("link", { name: /Join/ })).toHaveCount(0);

  await expect(past.nth(0)).toContainText("Cancelled");
  await expect(past.nth(1)).toContainText("Completed");
  await expect(past.getByRole("link")).toHaveCount(0);

  // Each "Add to calendar" names its own visit.
  const calendarLinks = page.getByRole("link", { name: /^Add to calendar/ });
  await expect(calendarLinks).toHaveCount(3);
  const names = await calendarLinks.evaluateAll((links) => links.map((link) => link.textContent));
  expect(new Set(names).size).toBe(3);
});

test("Add to calendar downloads that visit as an .ics in the patient's zone; another patient's is a 404", async ({
  page,
  browser,
}) => {
  await page.goto("/appointments");
  const tomorrow = page.getByRole("list", { name: "Upcoming" }).getByTestId("appointment").nth(1);
  const startsAt = new Date((await tomorrow.locator("time").getAttribute("datetime"))!);
  const download = page.waitForEvent("download");
  await tomorrow.getByRole("link", { name: /Add to calendar/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^visit-\d{4}-\d{2}-\d{2}\.ics$/);
  const ics = readFileSync((await file.path())!, "utf8").replace(/\r\n[ \t]/g, "");
  const lines = ics.split("\r\n");
  expect(lines.filter((line) => line === "BEGIN:VEVENT")).toHaveLength(1);
  expect(lines).toContain(`DTSTART;TZID=Asia/Kolkata:${icsLocal(startsAt, "Asia/Kolkata")}`);
  expect(lines).toContain("SUMMARY:Video visit with Dr. Nia Okafor");
  expect(lines.some((line) => line.startsWith("TZID:Asia/Kolkata"))).toBe(true);

  const response = await page.request.get(`/api/appointments/${frameVisits.calTomorrow}/calendar`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="visit-[\d-]+\.ics"$/);

  // Wren's visit, a made-up id and a malformed one are the same 404; signed out is a 401.
  for (const id of [frameVisits.wrenNow, "00000000-0000-4000-8000-0000000fffff", "not-an-id"]) {
    const other = await page.request.get(`/api/appointments/${id}/calendar`);
    expect(other.status(), id).toBe(404);
    expect(await other.json()).toEqual({ error: "Not found." });
  }
  const signedOut = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  expect((await signedOut.request.get(`/api/appointments/${frameVisits.calTomorrow}/calendar`)).status()).toBe(401);
  await signedOut.close();
});

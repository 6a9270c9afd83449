import { beaAuth } from "./support/revocation-fixtures";
import AxeBuilder from "@axe-core/playwright";
import { devices, expect, test, type Page } from "@playwright/test";
import { frameAuth, frameVisits } from "./support/frame-fixtures";
import { partyVisits } from "./support/party-fixtures";

// Every page this work touched, at desktop and phone size: no serious or critical WCAG 2.2 AA violation.
const WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];
// A describe may not switch the browser type; the rest of the phone's profile (viewport, touch, mobile) applies.
const pixel7 = Object.fromEntries(Object.entries(devices["Pixel 7"]).filter(([key]) => key !== "defaultBrowserType"));

const pagesBy = [
  {
    who: "signed-out visitor",
    storageState: { cookies: [], origins: [] },
    paths: [
      "/",
      "/help",
      "/privacy",
      "/sign-in",
      `/sign-in?next=${encodeURIComponent(`/visit/${frameVisits.rheaTomorrow}`)}`,
      "/unsubscribe?token=nonsense",
      // A guest's page: the join form (the link's token is checked on submit).
      `/join/${partyVisits.pazNow}?token=nonsense`,
    ],
  },
  {
    who: "patient",
    storageState: frameAuth("cal"),
    paths: [
      "/appointments",
      `/visit/${frameVisits.calNow}`,
      `/visit/${frameVisits.calTomorrow}`,
      "/settings",
      "/progress",
      "/record-access",
      "/my-data",
      "/consents/review",
    ],
  },
  { who: "patient with an ended visit", storageState: frameAuth("wren"), paths: [`/visit/${frameVisits.wrenEnded}`] },
  {
    who: "clinician",
    storageState: frameAuth("clinician"),
    paths: [
      "/schedule",
      "/schedule/hours",
      `/schedule/${frameVisits.calTomorrow}/cancel`,
      `/sessions/${frameVisits.calNow}`,
    ],
  },
  { who: "patient with a bounced email", storageState: beaAuth, paths: ["/settings"] },
  {
    who: "admin",
    storageState: "e2e/.auth/admin.json",
    paths: [
      "/admin",
      "/admin/deliveries?patient=ada",
      // One patient's exact email: their Coming up below the list.
      "/admin/deliveries?patient=coming-up%40patients.example",
      "/admin/consent-ledger?patient=ada",
      "/admin/progress-sharing?patient=ada",
      "/admin/video-sessions?patient=ada",
      "/admin/appointments?patient=ada",
      "/admin/access-log?patient=ada",
      "/admin/inbox",
      "/admin/people",
      "/admin/people/import",
      "/admin/schedule",
    ],
  },
];

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({ id: violation.id, impact: violation.impact, nodes: violation.nodes.map((n) => n.target) }));
}

for (const [size, options] of [
  ["desktop", {}],
  ["phone (Pixel 7)", pixel7],
] as const) {
  for (const { who, storageState, paths } of pagesBy) {
    test.describe(`${who} at ${size}`, () => {
      test.use({ ...options, storageState, permissions: ["camera", "microphone"] });

      // One test per page: each axe scan takes seconds on a busy machine, so pages never share one timeout.
      for (const path of paths) {
        test(`${path}: no serious or critical WCAG 2.2 AA violation`, async ({ page }) => {
          expect(page.viewportSize()?.width).toBe(size === "desktop" ? 1280 : 412);
          await page.goto(path);
          await expect(page.locator("h1").first(), path).toBeVisible();
          expect(await seriousViolations(page), path).toEqual([]);
        });
      }
    });
  }
}

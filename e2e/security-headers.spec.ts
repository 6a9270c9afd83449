import { expect, test, type Browser, type Page } from "@playwright/test";
import { people, signIn } from "./support/sign-in";
import { frameAuth } from "./support/frame-fixtures";

const auth = (role: "patient" | "clinician" | "admin") => `e2e/.auth/${role}.json`;
const signedOut = { cookies: [], origins: [] };

/** Every CSP violation (the DOM event and Chromium's console line) and Permissions-Policy complaint on this page. */
async function watchPolicyViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Permissions[- ]Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeBinding("__reportPolicyViolation", (_source, text: string) => violations.push(text));
  await page.addInitScript(() => {
    const report = (window as unknown as { __reportPolicyViolation: (text: string) => void }).__reportPolicyViolation;
    document.addEventListener("securitypolicyviolation", (event) =>
      report(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"} on ${event.documentURI}`),
    );
  });
  return violations;
}

const nonceOf = (csp: string) => /'nonce-([^']+)'/.exec(csp)?.[1];

function expectSecurityHeaders(headers: Record<string, string>, kind: "page" | "api") {
  const csp = headers["content-security-policy"] ?? "";
  if (kind === "page") {
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic';/);
    expect(csp).toContain("object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-(eval|inline)/);
  } else {
    expect(csp).toBe("default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
  }
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toMatch(/^camera=\(\), microphone=\(\), .*geolocation=\(\)/);
  // APP_ENV=test: no HSTS outside production.
  expect(headers["strict-transport-security"]).toBeUndefined();
}

const sessionLink = async (page: Page, patient: string) => {
  await page.goto("/schedule");
  const row = page.getByTestId("appointment").filter({ hasText: patient }).filter({ hasText: "Video visit" }).first();
  return (await row.getByRole("link", { name: "Start video session" }).getAttribute("href"))!;
};

test.describe("headers", () => {
  test("a public page, a signed-in page and a route handler each carry the full set", async ({ page, browser }) => {
    expectSecurityHeaders((await page.request.get("/sign-in")).headers(), "page");
    expectSecurityHeaders((await page.request.get("/api/health")).headers(), "api");
    expectSecurityHeaders((await page.request.get("/_next/no-such-asset.js")).headers(), "api");

    const patient = await browser.newContext({ storageState: auth("patient") });
    const settings = await (await patient.newPage()).goto("/settings");
    expect(settings?.status()).toBe(200);
    expectSecurityHeaders(await settings!.allHeaders(), "page");
    await patient.close();
  });

  test("every page gets a fresh nonce, and each of Next's script tags carries it", async ({ page }) => {
    const nonces: string[] = [];
    for (let i = 0; i < 2; i++) {
      const response = await page.request.get("/sign-in");
      const nonce = nonceOf(response.headers()["content-security-policy"] ?? "")!;
      expect(response.headers()["content-security-policy"]).toContain(`style-src 'self' 'nonce-${nonce}'`);
      const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(3);
      for (const tag of scripts) expect(tag).toContain(` nonce="${nonce}"`);
      nonces.push(nonce);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  test("a POST body over 1 MB is refused with a short 413 before Next reads it", async ({ page }) => {
    for (const path of ["/sign-in", "/settings"]) {
      const response = await page.request.post(path, {
        headers: { "Next-Action": "0".repeat(42), "Content-Type": "text/plain;charset=UTF-8" },
        data: "x".repeat(1024 * 1024 + 1),
      });
      expect(response.status()).toBe(413);
      expect(response.headers()["content-type"]).toBe("text/plain; charset=utf-8");
      expect(await response.text()).toBe("Request body too large (1 MB at most).\n");
      expect(response.headers()["x-frame-options"]).toBe("DENY");
    }
  });

  test("no referrer leaves a page whose URL carries a token", async ({ page }) => {
    const policy = async (path: string, method: "get" | "post" = "get") =>
      (await page.request[method](path, { maxRedirects: 0 })).headers()["referrer-policy"];
    expect(await policy("/unsubscribe?token=not-a-real-token")).toBe("no-referrer");
    expect(await policy("/api/unsubscribe?token=not-a-real-token", "post")).toBe("no-referrer");
    expect(await policy("/api/auth/callback/nodemailer?token=t&email=ada%40patients.example")).toBe("no-referrer");
    expect(await policy("/sign-in?error=Verification")).toBe("no-referrer");
    expect(await policy("/sign-in")).toBe("strict-origin-when-cross-origin");
  });
});

test.describe("video pages", () => {
  test.use({ storageState: auth("clinician"), permissions: ["camera", "microphone"] });

  test("only they may use the camera and microphone", async ({ page }) => {
    const link = await sessionLink(page, "Ada Lovelace");
    const cameraAllowed = () =>
      page.evaluate(() =>
        (document as unknown as { featurePolicy: { allowsFeature(f: string): boolean } }).featurePolicy.allowsFeature(
          "camera",
        ),
      );
    expect(await cameraAllowed()).toBe(false);
    await expect(
      page.evaluate(() => navigator.mediaDevices.getUserMedia({ video: true }).then(() => "opened")),
    ).rejects.toThrow(/NotAllowedError|Permission/);

    const response = await page.goto(link);
    expect(response?.headers()["permissions-policy"]).toMatch(/^camera=\(self\), microphone=\(self\), /);
    expect(await cameraAllowed()).toBe(true);
  });

  test("Dr. Grey starts Ada's visit from the schedule and Ada joins it, with no CSP violation", async ({
    page,
    browser,
  }) => {
    // Two browsers, a magic-link sign-in and two camera pages: more than the default 30 s on a busy 2-core machine.
    test.slow();
    const violations = await watchPolicyViolations(page);
    await page.goto("/schedule");
    const row = page.getByTestId("appointment").filter({ hasText: "Ada Lovelace" }).filter({ hasText: "Video visit" });
    // The link is a full page load, so the session page's own policy (camera, Twilio) applies.
    await row.first().getByRole("link", { name: "Start video session" }).click();
    await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/);
    await expect(page.getByLabel("Your camera preview")).toHaveJSProperty("paused", false);
    await page.getByRole("button", { name: "Start session" }).click();
    await expect(page.getByText("Session started in local preview mode.")).toBeVisible();

    const ada = await newPatientPage(browser, people.ada);
    const adaViolations = await watchPolicyViolations(ada);
    await ada.goto("/appointments");
    const visit = ada
      .getByTestId("appointment")
      .filter({ hasText: "Dr. Meredith Grey" })
      .filter({ hasText: "Video visit" });
    await visit.first().getByRole("link", { name: "Join video visit" }).click();
    await expect(ada).toHaveURL(/\/visit\/[0-9a-f-]{36}$/);
    await expect(ada.getByLabel("Your camera preview")).toHaveJSProperty("paused", false);
    await ada.getByRole("button", { name: "Join video visit" }).click();
    await expect(ada.getByText("Joined in local preview mode (video is not configured here).")).toBeVisible();
    await ada.context().close();

    expect(violations).toEqual([]);
    expect(adaViolations).toEqual([]);
  });

  test("they may reach Twilio's signalling and insights hosts; other pages may not", async ({
    page,
    playwright,
    launchOptions,
    baseURL,
  }) => {
    // Chromium resolves no twilio.com name here: the probe checks the policy and never leaves the machine.
    const probeBrowser = await playwright.chromium.launch({
      ...launchOptions,
      args: [...(launchOptions.args ?? []), "--host-resolver-rules=MAP *.twilio.com ~NOTFOUND"],
    });
    const probe = await (await probeBrowser.newContext({ storageState: auth("clinician"), baseURL })).newPage();
    const violations = await watchPolicyViolations(probe);
    const connect = (url: string) =>
      probe.evaluate(
        (target) =>
          new Promise<void>((resolve) => {
            try {
              const socket = new WebSocket(target);
              socket.onerror = socket.onclose = () => resolve();
            } catch {
              resolve();
            }
          }),
        url,
      );
    const link = await sessionLink(page, "Ada Lovelace");
    await probe.goto(link);
    await connect("wss://global.vss.twilio.com/signaling");
    await connect("wss://sdkgw.us1.twilio.com/v1/VideoEvents");
    expect(violations).toEqual([]);

    await probe.goto("/schedule");
    await connect("wss://global.vss.twilio.com/signaling");
    expect(violations.some((v) => v.startsWith("connect-src blocked wss://global.vss.twilio.com"))).toBe(true);
    await probeBrowser.close();
  });
});

async function newPatientPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ storageState: signedOut, permissions: ["camera", "microphone"] });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

// Every page each role can open renders and hydrates under the CSP without a single violation.
const pagesByRole = {
  "signed-out visitor": {
    storageState: signedOut,
    paths: [
      "/",
      "/help",
      "/privacy",
      "/sign-in",
      "/sign-in?error=Verification",
      "/unsubscribe?token=x",
      "/dev/outbox",
      "/no-such-page",
    ],
  },
  // Cal has a video visit open now: Join is offered only from 15 minutes before the start.
  patient: {
    storageState: frameAuth("cal"),
    paths: ["/appointments", "/settings", "/progress", "/admin", "/no-such-page"],
  },
  clinician: { storageState: auth("clinician"), paths: ["/schedule"] },
  admin: {
    storageState: auth("admin"),
    paths: [
      "/admin",
      "/admin/consent-ledger",
      "/admin/deliveries",
      "/admin/progress-sharing",
      "/admin/video-sessions",
      "/admin/appointments",
    ],
  },
};

for (const [role, { storageState, paths }] of Object.entries(pagesByRole)) {
  test.describe(`every ${role} page`, () => {
    test.use({ storageState });

    test(`renders under the CSP without a violation`, async ({ page }) => {
      const violations = await watchPolicyViolations(page);
      for (const path of paths) {
        const response = await page.goto(path);
        expect(response?.headers()["content-security-policy"], path).toContain("'strict-dynamic'");
        await expect(page.locator("h1").first(), path).toBeVisible();
      }
      // The pages reached from lists: a patient's visit, a clinician's session and notes.
      const linked =
        { patient: ["Join video visit"], clinician: ["Start video session", "Progress notes"] }[role] ?? [];
      for (const name of linked) {
        await page.goto(role === "patient" ? "/appointments" : "/schedule");
        await page.goto((await page.getByRole("link", { name }).first().getAttribute("href"))!);
        await expect(page.locator("h1").first(), name).toBeVisible();
      }
      expect(violations).toEqual([]);
    });
  });
}

import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const port = process.env.E2E_PORT ?? "3210";
// "localhost", not 127.0.0.1: Next's NextURL rewrites 127.0.0.1 to localhost, and cookies must match the host.
const baseURL = `http://localhost:${port}`;
// Debian's chromium where present (Playwright cannot download its own browser here), else Playwright's.
const executablePath =
  process.env.PLAYWRIGHT_CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        // A synthetic camera and microphone, allowed without a prompt, for the video pages.
        "--use-fake-device-for-media-stream",
        "--use-fake-ui-for-media-stream",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"] },
      dependencies: ["setup"],
      testIgnore: /\.journey\.spec\.ts/,
    },
    // Whole journeys through patient, clinician and admin change shared people (Ben's consent, his messages):
    // they run after the other specs so nothing races them.
    {
      name: "journeys",
      use: { ...devices["Desktop Chrome"] },
      dependencies: ["chromium"],
      testMatch: /.*\.journey\.spec\.ts/,
    },
  ],
  webServer: {
    command: "npx tsx e2e/support/server.ts",
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});

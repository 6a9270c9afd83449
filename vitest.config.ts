import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // Tests import server modules directly; the marker package only guards client bundles.
      "server-only": path.join(root, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: ["{app,components,db,lib,inngest,scripts,testing}/**/*.test.{ts,tsx}"],
    globalSetup: ["db/testing/global-setup.ts"],
    setupFiles: ["db/testing/setup-file.ts"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // next-auth imports "next/server" without an extension; let Vite resolve it rather than Node's ESM loader.
    server: { deps: { inline: ["next-auth"] } },
    env: { APP_ENV: "test", NEXT_TELEMETRY_DISABLED: "1" },
  },
});

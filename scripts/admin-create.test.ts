import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

// The documented command itself, on a fresh PGlite directory (a new clinic's .data), as an operator runs it.
const run = promisify(execFile);
const dataDir = mkdtempSync(path.join(tmpdir(), "admin-create-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function adminCreate(...args: string[]) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PGLITE_DATA_DIR: path.join(dataDir, "pglite"),
    APP_ENV: "development",
  };
  delete env.DATABASE_URL;
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "scripts/admin-create.ts", ...args], {
      env,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("npm run admin:create", () => {
  it("creates the first admin on an empty database, then refuses with a non-zero exit", async () => {
    const first = await adminCreate("owner@clinic.example", "--name", "Olive Owner");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("Admin owner@clinic.example created (pglite).");
    const second = await adminCreate("another@clinic.example");
    expect(second.code).toBe(1);
    expect(second.stderr).toContain("Refused: An admin already exists; ask them to invite you.");
    const usage = await adminCreate();
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Usage: npm run admin:create -- you@clinic.example [--name "Your Name"]');
  }, 300_000);
});

import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

let built = false;

/** One production build per bench run (pages and client JS both read it); BENCH_SKIP_BUILD=1 reuses `.next`. */
export function ensureBuild(log: (line: string) => void): void {
  if (built) return;
  if (process.env.BENCH_SKIP_BUILD === "1" && existsSync(".next/BUILD_ID")) {
    log("reusing the existing .next build (BENCH_SKIP_BUILD=1)");
  } else {
    log("next build (a few minutes on 2 cores)");
    const result = spawnSync("npx", ["next", "build"], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
  }
  built = true;
}

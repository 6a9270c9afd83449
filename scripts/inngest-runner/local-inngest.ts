import { spawn, type ChildProcess } from "node:child_process";
import { startInngestRunner, type InngestRunner } from "./server";

/** The Inngest Dev Server the demo starts when it can: `npx --no-install` only runs a copy already installed. */
export const INNGEST_CLI = "inngest-cli@1.45.1";
export const DEV_SERVER_PORT = 8288;
const DEV_SERVER = `http://127.0.0.1:${DEV_SERVER_PORT}`;

export type LocalInngest = {
  /** what runs the functions, in a sentence for the terminal */
  description: string;
  /** INNGEST_BASE_URL for the portal: where it sends events and syncs to */
  baseUrl?: string;
  /** call once the portal answers: the server syncs it and starts its crons */
  attach(): Promise<string>;
  stop(): void;
};

/** Answers GET /dev as an Inngest Dev Server does (JSON); the bundled runner says so, and is not taken for one. */
async function devServerAt(url: string): Promise<"dev-server" | "bundled-runner" | null> {
  try {
    const response = await fetch(`${url}/dev`, { signal: AbortSignal.timeout(1000) });
    const body = (await response.json()) as { bundledRunner?: boolean };
    return body.bundledRunner ? "bundled-runner" : "dev-server";
  } catch {
    return null;
  }
}

/** Whether the pinned inngest-cli is installed and its binary runs (its npm package downloads it at install). */
function inngestCliWorks(): Promise<boolean> {
  return new Promise((resolve) => {
    const check = spawn("npx", ["--no-install", INNGEST_CLI, "--version"], { stdio: "ignore", timeout: 30_000 });
    check.on("error", () => resolve(false));
    check.on("exit", (code) => resolve(code === 0));
  });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

/** PUT to the portal's serve endpoint: the SDK registers its functions with INNGEST_BASE_URL. */
async function syncPortal(serveUrl: string): Promise<void> {
  const synced = await waitFor(
    async () =>
      (
        await fetch(serveUrl, {
          method: "PUT",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ url: serveUrl }),
        }).catch(() => null)
      )?.ok ?? false,
    60_000,
  );
  if (!synced) throw new Error(`could not sync ${serveUrl}`);
}

function startDevServer(serveUrl: string): ChildProcess {
  const args = ["--no-install", INNGEST_CLI, "dev", "-u", serveUrl, "--no-discovery", "--host", "127.0.0.1"];
  return spawn("npx", [...args, "--port", String(DEV_SERVER_PORT)], { stdio: ["ignore", "ignore", "inherit"] });
}

/**
 * What runs the portal's functions in the demo: Inngest Cloud or self-hosted when a signing key is set; else a Dev
 * Server already listening on 8288; else the pinned Inngest Dev Server if installed; else the bundled local runner
 * (offline machines). DEMO_INNGEST=runner or =dev-server forces a choice.
 */
export async function startLocalInngest({
  serveUrl,
  choice = "auto",
}: {
  serveUrl: string;
  choice?: string;
}): Promise<LocalInngest> {
  const nothing = { stop() {} };
  if (process.env.INNGEST_SIGNING_KEY) {
    return {
      ...nothing,
      description: "Inngest Cloud or your self-hosted server (INNGEST_SIGNING_KEY is set) runs the functions.",
      attach: async () => "Sync the app from your Inngest dashboard.",
    };
  }
  if (choice !== "runner") {
    if ((await devServerAt(DEV_SERVER)) === "dev-server") {
      return {
        ...nothing,
        baseUrl: DEV_SERVER,
        description: `the Inngest Dev Server already running at http://localhost:${DEV_SERVER_PORT} runs the functions.`,
        attach: async () => (await syncPortal(serveUrl), `synced with the Inngest Dev Server.`),
      };
    }
    if (await inngestCliWorks()) {
      const devServer = startDevServer(serveUrl);
      if (await waitFor(async () => (await devServerAt(DEV_SERVER)) === "dev-server", 30_000)) {
        return {
          baseUrl: DEV_SERVER,
          description: `the Inngest Dev Server (${INNGEST_CLI}) runs the functions: dashboard at http://localhost:${DEV_SERVER_PORT}`,
          attach: async () => (await syncPortal(serveUrl), "synced with the Inngest Dev Server."),
          stop: () => devServer.kill("SIGTERM"),
        };
      }
      devServer.kill("SIGTERM");
    }
    if (choice === "dev-server") throw new Error(`${INNGEST_CLI} is not installed or does not run here.`);
  }
  let runner: InngestRunner;
  try {
    runner = await startInngestRunner({ appUrls: [serveUrl], port: DEV_SERVER_PORT });
  } catch {
    // 8288 is taken (another portal's runner, say): any free port; the portal is told which.
    runner = await startInngestRunner({ appUrls: [serveUrl] });
  }
  return {
    baseUrl: runner.url,
    description: `the bundled local runner runs the functions (${INNGEST_CLI} is not installed here): run log at ${runner.url}`,
    attach: async () => {
      await runner.syncWhenReady(60_000);
      const crons = Object.keys(runner.nextCronTimes()).length;
      return `bundled runner synced ${runner.functions().length} functions, ${crons} on cron schedules.`;
    },
    stop: () => void runner.stop(),
  };
}

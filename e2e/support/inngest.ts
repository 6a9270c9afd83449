import type { APIRequestContext } from "@playwright/test";
import type { Run } from "@/scripts/inngest-runner/run";

/** The bundled Inngest runner started beside the e2e server (e2e/support/server.ts), as `npm run demo` starts it. */
export const inngestRunnerUrl = () => `http://127.0.0.1:${Number(process.env.E2E_PORT ?? "3210") + 1}`;

/** Waits until every function run started so far has finished (runs parked in a step.sleep excepted). */
export async function settleFunctions(request: APIRequestContext): Promise<Run[]> {
  const response = await request.post(`${inngestRunnerUrl()}/api/runs/settle`, { data: {} });
  if (!response.ok()) throw new Error(`settle: ${response.status()}`);
  return ((await response.json()) as { runs: Run[] }).runs;
}

/** Runs a cron function now, as its schedule would, and waits for it and the runs it fans out to. */
export async function runCron(request: APIRequestContext, slug: string): Promise<Run[]> {
  const response = await request.post(`${inngestRunnerUrl()}/api/functions/${slug}/invoke`, { data: {} });
  if (!response.ok()) throw new Error(`cron ${slug}: ${response.status()}`);
  return ((await response.json()) as { runs: Run[] }).runs;
}

import type { APIRequestContext } from "@playwright/test";
import type { Run } from "@/testing/fakes/inngest-dev-server";

/** The Inngest stand-in started beside the e2e server (e2e/support/server.ts). */
export const inngestDevUrl = () => `http://127.0.0.1:${Number(process.env.E2E_PORT ?? "3210") + 1}`;

/** Waits until every function run started by the app's events has finished. */
export async function settleFunctions(request: APIRequestContext): Promise<Run[]> {
  const response = await request.post(`${inngestDevUrl()}/test/settle`);
  return ((await response.json()) as { runs: Run[] }).runs;
}

/** Runs a cron function now, as its schedule would, and waits for it and the runs it fans out to. */
export async function runCron(request: APIRequestContext, slug: string): Promise<Run[]> {
  const response = await request.post(`${inngestDevUrl()}/test/cron/${slug}`);
  if (!response.ok()) throw new Error(`cron ${slug}: ${response.status()}`);
  const runs = ((await response.json()) as { runs: Run[] }).runs;
  return runs;
}

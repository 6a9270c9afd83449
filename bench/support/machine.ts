import { readFileSync } from "node:fs";
import os from "node:os";
import postgres from "postgres";
import { serverUrl } from "./databases";

const versionOf = (name: string) =>
  (JSON.parse(readFileSync(`node_modules/${name}/package.json`, "utf8")) as { version: string }).version;

/** What the figures depend on: the hardware, the runtime and the exact packages measured. */
export async function describeMachine() {
  const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const [row] = await sql<{ version: string }[]>`select current_setting('server_version') as version`;
  await sql.end();
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
    postgres: row?.version ?? "unknown",
    packages: Object.fromEntries(
      ["next", "react", "drizzle-orm", "postgres", "autocannon"].map((name) => [name, versionOf(name)]),
    ),
    loadAverageAtStart: os.loadavg().map((load) => Number(load.toFixed(2))),
  };
}

export type Machine = Awaited<ReturnType<typeof describeMachine>>;

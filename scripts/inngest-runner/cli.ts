// `npm run inngest:runner`: the bundled runner on its own, next to `npm run dev` (the demo starts it by itself).
import { parseArgs } from "node:util";
import { startInngestRunner } from "./server";

const { values } = parseArgs({
  options: {
    "sdk-url": { type: "string", short: "u", default: "http://localhost:3000/api/inngest" },
    port: { type: "string", short: "p", default: "8288" },
    "no-schedule": { type: "boolean", default: false },
  },
});

const runner = await startInngestRunner({
  appUrls: [values["sdk-url"]!],
  port: Number(values.port),
  schedule: !values["no-schedule"],
});
console.log(`Bundled Inngest runner on ${runner.url} (run log there); start the app with`);
console.log(`  INNGEST_DEV=1 INNGEST_BASE_URL=${runner.url} npm run dev`);
void runner.syncWhenReady(24 * 3600_000).then(() => console.log(`Synced ${values["sdk-url"]}.`));
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => void runner.stop().then(() => process.exit(0)));

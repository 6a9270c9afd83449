// `npm run bench [-- scan dispatch pages js]`: measures each figure against a floor from the same run (issue 7).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Figure } from "./support/figures";
import { describeMachine } from "./support/machine";
import { markdownTable } from "./support/report";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
process.env.NEXT_TELEMETRY_DISABLED = "1";
// Reminders are sent inside `next start`, so React and the SDKs run their production builds here too; APP_ENV
// "test" is what lets lib/env accept the loopback provider fakes.
Object.assign(process.env, { NODE_ENV: "production", APP_ENV: "test" });

const parts = ["scan", "dispatch", "pages", "js"] as const;
type Part = (typeof parts)[number];
const requested = process.argv.slice(2).filter((arg): arg is Part => (parts as readonly string[]).includes(arg));
const selected: Part[] = requested.length ? requested : [...parts];

const log = (line: string) => console.log(`[bench] ${line}`);
const file = (name: string) => path.join(root, "bench", name);

async function measure(part: Part): Promise<Figure[]> {
  // Imported per part so a run of one part never loads the others' modules (or their environment).
  switch (part) {
    case "scan":
      return [await (await import("./scan/measure")).measureScan(file("scan-plan.txt"), log)];
    case "dispatch":
      return [await (await import("./dispatch/measure")).measureDispatch(log)];
    case "pages":
      return (await import("./pages/measure")).measurePages(log);
    case "js":
      return (await import("./js/measure")).measureClientJs(log);
  }
}

const machine = await describeMachine();
const figures: Figure[] = [];
for (const part of selected) {
  log(`measuring ${part}`);
  const measuredAt = new Date().toISOString();
  const loadBefore = os.loadavg()[0]!;
  const measured = await measure(part);
  // Other work on the machine moves every figure: the 1-minute load average around each part says how much.
  const loadAverage = { before: Number(loadBefore.toFixed(2)), after: Number(os.loadavg()[0]!.toFixed(2)) };
  figures.push(...measured.map((figure) => ({ ...figure, measuredAt, loadAverage })));
}

// A partial run keeps the other parts' latest figures, so results.json always holds the whole table.
const resultsFile = file("results.json");
const previous = existsSync(resultsFile)
  ? (JSON.parse(readFileSync(resultsFile, "utf8")) as { figures: Figure[] }).figures
  : [];
const kept = previous.filter((figure) => !selected.includes(figure.part));
const all = [...figures, ...kept].sort((a, b) => parts.indexOf(a.part) - parts.indexOf(b.part));
const finishedAt = new Date();
writeFileSync(resultsFile, `${JSON.stringify({ finishedAt, parts: selected, machine, figures: all }, null, 2)}\n`);
const table = markdownTable(all, machine, finishedAt);
writeFileSync(file("results.md"), table);
console.log(`\n${table}`);
const missed = all.filter((figure) => figure.pass === false).length;
if (missed) log(`${missed} target(s) missed: see the notes above and README "Performance"`);
process.exit(0);

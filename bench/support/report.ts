import type { Figure } from "./figures";
import type { Machine } from "./machine";
import type { Spread } from "./stats";

const number = (value: number) =>
  Math.abs(value) >= 100 ? Math.round(value).toLocaleString("en") : String(Number(value.toPrecision(3)));
const describe = (value: Spread, unit: string) =>
  value.runs.length > 1
    ? `${number(value.median)} ${unit} (${number(value.min)}–${number(value.max)})`
    : `${number(value.median)} ${unit}`;

/** The table pasted into README: median (min–max) of each figure, its floor, the ratio and the target. */
export function markdownTable(figures: Figure[], machine: Machine, finishedAt: Date): string {
  const rows = figures.map((figure) =>
    [
      figure.name,
      describe(figure.value, figure.unit),
      figure.floor ? `${figure.floor.name}: ${describe(figure.floor.value, figure.unit)}` : "–",
      figure.ratio === undefined ? "–" : `${figure.ratio}×`,
      figure.target ?? "–",
      figure.pass === undefined ? "–" : figure.pass ? "met" : "**missed**",
      [figure.summary, figure.loadAverage && `load ${figure.loadAverage.before}→${figure.loadAverage.after}`]
        .filter(Boolean)
        .join("; "),
    ].join(" | "),
  );
  const notes = figures.filter((figure) => figure.note).map((figure) => `- ${figure.name}: ${figure.note}`);
  return [
    `Run ${finishedAt.toISOString()} on ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, ${machine.platform}; ` +
      `Node ${machine.node}, PostgreSQL ${machine.postgres}, next ${machine.packages.next}, drizzle-orm ${machine.packages["drizzle-orm"]}, postgres.js ${machine.packages.postgres}.`,
    "",
    "| measure | median (min–max) | floor, same run | ratio to floor | target | result | also |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...rows.map((row) => `| ${row} |`),
    ...(notes.length ? ["", ...notes] : []),
    "",
  ].join("\n");
}

import type { InngestRunnerCore } from "./runner";
import type { Run } from "./run";

const escape = (value: unknown) => String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const time = (ms: number | undefined) =>
  ms === undefined ? "" : new Date(ms).toISOString().replace("T", " ").slice(0, 19);
const json = (value: unknown) => escape(JSON.stringify(value, null, 2)?.slice(0, 4000) ?? "");

function runRow(run: Run): string {
  const steps = run.steps
    .map((s) => `${escape(s.name)}: ${escape(s.status)}${s.attempts > 1 ? ` (${s.attempts} attempts)` : ""}`)
    .join("<br>");
  const detail = run.status === "failed" ? run.error : run.output;
  const waiting = run.wakeAt ? ` until ${time(run.wakeAt)}` : "";
  return `<tr class="${escape(run.status)}"><td>${time(run.queuedAt)}</td><td>${escape(run.fn)}</td>
<td>${escape(run.event)}</td><td>${escape(run.status)}${waiting}</td><td>${steps}</td>
<td>${detail === undefined ? "" : `<details><summary>${run.status === "failed" ? "error" : "output"}</summary><pre>${json(detail)}</pre></details>`}</td></tr>`;
}

/** The run log as a page (refreshes every 5 s): functions with their triggers, then the latest runs. */
export function renderDashboard(core: InngestRunnerCore): string {
  const next = core.nextCronTimes();
  const functions = core
    .functions()
    .map(
      (
        fn,
      ) => `<tr><td>${escape(fn.slug)}</td><td>${escape([...fn.events.map((e) => e.name), ...fn.crons.map((c) => `cron ${c}`)].join(", "))}</td>
<td>${time(next[fn.slug])}</td><td>${fn.retries}</td><td>${escape(
        [
          fn.throttle ? `throttle ${fn.throttle.limit}/${fn.throttle.periodMs} ms` : "",
          fn.concurrency ? `concurrency ${fn.concurrency}` : "",
          fn.idempotencyPath ? `idempotency event.${fn.idempotencyPath.join(".")}` : "",
          ...fn.ignored.map((option) => `not applied: ${option}`),
        ]
          .filter(Boolean)
          .join("; "),
      )}</td></tr>`,
    )
    .join("");
  const runs = core.runs.slice(-200).reverse().map(runRow).join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
<title>Inngest runner</title><style>
body{font:14px system-ui,sans-serif;margin:1.5rem;color:#0f172a}table{border-collapse:collapse;width:100%;margin-bottom:2rem}
th,td{border-bottom:1px solid #e2e8f0;padding:.35rem .5rem;text-align:left;vertical-align:top}
tr.failed td{background:#fef2f2}tr.running td,tr.queued td{background:#eff6ff}pre{white-space:pre-wrap;margin:0}
</style></head><body><h1>Bundled Inngest runner</h1>
<p>Runs the portal's functions through <code>/api/inngest</code> as the Inngest Dev Server would. Times are UTC; this page refreshes every 5 seconds.</p>
<h2>Functions</h2><table><thead><tr><th>function</th><th>triggers</th><th>next cron</th><th>retries</th><th>flow control</th></tr></thead>
<tbody>${functions || `<tr><td colspan="5">No app synced yet.</td></tr>`}</tbody></table>
<h2>Runs (newest first)</h2><table><thead><tr><th>queued</th><th>function</th><th>event</th><th>status</th><th>steps</th><th></th></tr></thead>
<tbody>${runs || `<tr><td colspan="6">No runs yet.</td></tr>`}</tbody></table></body></html>`;
}

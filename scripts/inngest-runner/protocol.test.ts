import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { nextCronTime } from "./cron";
import { parseTimeString, retryAfterAt, sleepUntil } from "./durations";
import type { Run } from "./run";
import { startRunnerOnApps } from "./test-support";

const start = Date.parse("2026-03-02T09:00:00Z");
let stand: Awaited<ReturnType<typeof startRunnerOnApps>>;

beforeAll(async () => {
  stand = await startRunnerOnApps(start);
});
afterAll(() => stand.stop());
beforeEach(async () => {
  await stand.runner.settle({ retries: false });
  stand.runner.runs.length = 0;
});

async function runOne(name: string, data: Record<string, unknown> = {}): Promise<Run> {
  const [id] = await stand.runner.send([{ name, data }]);
  await stand.runner.settle({ retries: false });
  return stand.runner.runs.find((run) => run.eventId === id)!;
}
const steps = (run: Run) => run.steps.map((s) => `${s.name}:${s.status}:${s.attempts}`);

describe("the runner's side of Inngest's SDK protocol, on the SDK's own replies", () => {
  it("a step that throws is retried alone after the backoff, with the next attempt number, then the run goes on", async () => {
    const run = await runOne("test/flaky");
    expect(run).toMatchObject({ status: "waiting-retry", attempt: 1, wakeAt: stand.clock.now() + 10_000 });
    expect(steps(run)).toEqual(["fails-once:errored:1"]);
    stand.clock.advanceBy(9_999);
    await stand.runner.settle({ retries: false });
    expect(stand.testApp.calls.flaky).toBe(1);
    stand.clock.advanceBy(1);
    await stand.runner.settle();
    expect(run).toMatchObject({ status: "completed", output: { first: "fine", second: "after" } });
    expect(steps(run)).toEqual(["fails-once:completed:2", "after:completed:1"]);
  });

  it("RetryAfterError's time replaces the backoff", async () => {
    const run = await runOne("test/busy");
    expect(run).toMatchObject({ status: "waiting-retry", wakeAt: stand.clock.now() + 90_000 });
    stand.clock.advanceBy(89_999);
    await stand.runner.settle({ retries: false });
    expect(run.status).toBe("waiting-retry");
    stand.clock.advanceBy(1);
    await stand.runner.settle();
    expect(run).toMatchObject({ status: "completed", output: "done" });
  });

  it("step.sleep and step.sleepUntil park the run until their time, then it goes on from the next step", async () => {
    const until = stand.clock.now() + 30 * 60_000;
    const run = await runOne("test/sleep", { until: new Date(until).toISOString() });
    expect(run).toMatchObject({ status: "sleeping", wakeAt: stand.clock.now() + 10 * 60_000 });
    expect(steps(run)).toEqual(["before:completed:1", "nap:sleeping:1"]);
    stand.clock.advanceBy(10 * 60_000 - 1);
    await stand.runner.settle();
    expect(run.status).toBe("sleeping");
    stand.clock.advanceBy(1);
    await stand.runner.settle();
    expect(run).toMatchObject({ status: "sleeping", wakeAt: until });
    stand.clock.advanceTo(until);
    await stand.runner.settle();
    expect(run).toMatchObject({ status: "completed", output: "awake" });
    expect(steps(run)).toEqual(["before:completed:1", "nap:slept:1", "until:slept:1", "after:completed:1"]);
  });

  it("a NonRetriableError fails the run at once, however many retries it has; its onFailure handler alone runs", async () => {
    const run = await runOne("test/refuse");
    expect(run).toMatchObject({ status: "failed", requests: 2 });
    expect(steps(run)).toEqual(["refuse:failed:1"]);
    expect(run.error).toMatchObject({ name: "NonRetriableError", message: "this cannot work" });
    await stand.runner.settle();
    expect(stand.runner.runs.map((r) => `${r.fn}:${r.status}`)).toEqual([
      "refuser:failed",
      "refuser-failure:completed",
    ]);
    expect(stand.testApp.calls.failures).toEqual(["this cannot work"]);
  });

  it("a throttle holds the next start until its period has passed", async () => {
    await stand.runner.send([{ name: "test/throttled" }, { name: "test/throttled" }]);
    await stand.runner.settle({ retries: false });
    const [first, second] = stand.runner.runs;
    expect(first).toMatchObject({ status: "completed", output: 1 });
    expect(second).toMatchObject({ status: "throttled", wakeAt: stand.clock.now() + 60_000 });
    stand.clock.advanceBy(60_000);
    await stand.runner.settle();
    expect(second).toMatchObject({ status: "completed", output: 2 });
  });

  it("an idempotency key runs the function once per key in 24 hours", async () => {
    await stand.runner.send([
      { name: "test/keyed", data: { key: "a" } },
      { name: "test/keyed", data: { key: "a" } },
      { name: "test/keyed", data: { key: "b" } },
    ]);
    await stand.runner.settle();
    expect(stand.runner.runs.map((run) => run.output)).toEqual([1, 2]);
  });
});

describe("the runner's HTTP side", () => {
  const post = (path: string, headers: Record<string, string>, host?: string) =>
    new Promise<number>((resolve, reject) => {
      const url = new URL(path, stand.runner.url);
      const request = httpRequest(url, { method: "POST", headers: { ...headers, ...(host ? { host } : {}) } }, (r) => {
        r.resume();
        resolve(r.statusCode ?? 0);
      });
      request.on("error", reject);
      request.end(JSON.stringify({ name: "test/echo", data: {} }));
    });

  it("takes events as JSON from a program, and refuses what a web page could send", async () => {
    expect(await post("/e/key", { "content-type": "application/json" })).toBe(200);
    expect(await post("/e/key", { "content-type": "application/json", origin: "https://evil.example" })).toBe(403);
    expect(await post("/e/key", { "content-type": "text/plain" })).toBe(415);
    expect(await post("/e/key", { "content-type": "application/json" }, "evil.example:80")).toBe(403);
    expect(stand.runner.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("shows the run log as a page, escaped", async () => {
    await stand.runner.send([{ name: "test/echo", data: { note: "<script>alert(1)</script>" } }]);
    await stand.runner.settle();
    const page = await (await fetch(stand.runner.url)).text();
    expect(page).toContain("send-appointment-message");
    expect(page).toContain("&#60;script&#62;");
    expect(page).not.toContain("<script>");
  });
});

describe("time", () => {
  it("reads Inngest's time strings, sleepUntil's dates and Retry-After", () => {
    expect(parseTimeString("2h45m")).toBe(2 * 3_600_000 + 45 * 60_000);
    expect(parseTimeString("1.5s")).toBe(1500);
    expect(parseTimeString("10 minutes")).toBeNull();
    expect(sleepUntil("1m30s", 1000)).toBe(91_000);
    expect(sleepUntil("2026-03-02T10:00:00.000Z", 0)).toBe(Date.parse("2026-03-02T10:00:00Z"));
    expect(retryAfterAt("30", 1000)).toBe(31_000);
    expect(retryAfterAt("2026-03-02T10:00:00.000Z", 0)).toBe(Date.parse("2026-03-02T10:00:00Z"));
    expect(retryAfterAt(null, 0)).toBeNull();
  });

  it("fires crons in UTC unless a TZ= prefix says otherwise", () => {
    const at = Date.parse("2026-03-02T03:16:59Z");
    expect(new Date(nextCronTime("17 3 * * *", at)!).toISOString()).toBe("2026-03-02T03:17:00.000Z");
    expect(new Date(nextCronTime("17 3 * * *", at + 1000)!).toISOString()).toBe("2026-03-03T03:17:00.000Z");
    expect(new Date(nextCronTime("TZ=Europe/Paris 0 9 * * *", at)!).toISOString()).toBe("2026-03-02T08:00:00.000Z");
  });
});

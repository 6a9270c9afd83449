// The load generator, run as its own process (`node --import tsx bench/pages/load.ts <plan.json>`) so it never
// shares a CPU queue with the measuring process; it prints autocannon's summary as one JSON line.
import { readFileSync } from "node:fs";
import autocannon from "autocannon";

export type LoadRequest = {
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  bodyBase64?: string;
};
export type LoadPlan = { url: string; seconds: number; connections: number; perConnection: LoadRequest[][] };
export type LoadSummary = {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
};

const plan = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as LoadPlan;
let nextConnection = 0;
const result = await autocannon({
  url: plan.url,
  connections: plan.connections,
  duration: plan.seconds,
  // Each connection gets its own signed-in patient and request cycle.
  setupClient: (client) => {
    const requests = plan.perConnection[nextConnection++ % plan.perConnection.length]!;
    client.setRequests(
      requests.map(({ bodyBase64, ...request }) => ({
        ...request,
        body: bodyBase64 ? Buffer.from(bodyBase64, "base64") : undefined,
      })),
    );
  },
});
const summary: LoadSummary = {
  requestsPerSecond: result.requests.average,
  p50: result.latency.p50,
  p99: result.latency.p99,
  requests: result.requests.total,
  ok: result["2xx"],
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
};
console.log(JSON.stringify(summary));

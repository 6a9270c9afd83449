import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startInngestFake } from "@/testing/fakes/inngest-fake";

type Registration = {
  appName: string;
  url: string;
  functions: { id: string; triggers: { cron?: string; event?: string }[] }[];
};

describe("/api/inngest", () => {
  let fake: Awaited<ReturnType<typeof startInngestFake>>;
  beforeAll(async () => {
    fake = await startInngestFake();
    vi.stubEnv("INNGEST_DEV", "1");
    vi.stubEnv("INNGEST_BASE_URL", fake.url);
    vi.stubEnv("AUTH_URL", "https://portal.clinic.example");
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await fake.close();
  });

  it("in dev mode, describes itself and registers every function with its trigger (what the Dev Server lists)", async () => {
    const { GET, PUT } = await import("./route");
    const described = await (
      await GET(new Request("http://localhost:3000/api/inngest") as never, undefined as never)
    ).json();
    expect(described).toMatchObject({ mode: "dev", function_count: 10 });

    const synced = await PUT(
      new Request("http://localhost:3000/api/inngest", { method: "PUT" }) as never,
      undefined as never,
    );
    expect(synced.status).toBe(200);
    const registration = fake.requests.find((r) => r.path.startsWith("/fn/register"))?.parsed as Registration;
    expect(registration.url).toContain("/api/inngest");
    const triggers = Object.fromEntries(
      registration.functions.map((fn) => [fn.id.replace(/^patient-portal-/, ""), fn.triggers]),
    );
    expect(triggers).toEqual({
      "scan-reminders": [{ cron: "*/5 * * * *" }],
      "send-reminder": [{ event: "portal/reminder.due" }],
      "send-appointment-message": [
        { event: "portal/appointment.booked" },
        { event: "portal/appointment.cancelled" },
        { event: "portal/appointment.rescheduled" },
      ],
      "enforce-recording-consent": [{ event: "portal/patient.recording-consent-revoked" }],
      "enforce-transcription-consent": [{ event: "portal/patient.transcription-consent-revoked" }],
      "prune-rate-limits": [{ cron: "17 3 * * *" }],
      "share-progress-note": [{ event: "portal/progress-note.created" }],
      "relay-outbox": [{ cron: "* * * * *" }],
      "confirm-text-revocation": [{ event: "portal/text-revocation.confirmation-due" }],
      "prune-audit-records": [{ cron: "43 4 * * *" }],
    });
  });

  it("a sync naming another host registers the configured origin, never the request's Host", async () => {
    const { PUT } = await import("./route");
    const forged = new Request("http://attacker.example/api/inngest", {
      method: "PUT",
      headers: { host: "attacker.example", "x-forwarded-host": "attacker.example" },
    });
    expect((await PUT(forged as never, undefined as never)).status).toBe(200);
    const registrations = fake.requests
      .filter((r) => r.path.startsWith("/fn/register"))
      .map((r) => r.parsed as Registration);
    expect(registrations.at(-1)!.url).toMatch(/^https:\/\/portal\.clinic\.example\/api\/inngest/);
    expect(JSON.stringify(registrations)).not.toContain("attacker.example");
  });

  it("in dev mode refuses what a web page can send: a cross-origin call, or a form or text/plain body", async () => {
    const { POST } = await import("./route");
    const forgedEvent = JSON.stringify({ event: { name: "portal/appointment.cancelled", data: {} } });
    const fromAPage = new Request("http://localhost:3000/api/inngest?fnId=patient-portal-send-appointment-message", {
      method: "POST",
      headers: { origin: "https://evil.example", "content-type": "text/plain" },
      body: forgedEvent,
    });
    expect((await POST(fromAPage as never, undefined as never)).status).toBe(403);
    const plain = new Request("http://localhost:3000/api/inngest?fnId=patient-portal-send-appointment-message", {
      method: "POST",
      headers: { "content-type": "text/plain", "content-length": String(forgedEvent.length) },
      body: forgedEvent,
    });
    expect((await POST(plain as never, undefined as never)).status).toBe(415);
  });

  it("in dev mode accepts the Dev Server's sync, a PUT that declares an empty body as every HTTP client does", async () => {
    const { PUT } = await import("./route");
    const sync = new Request("http://localhost:3000/api/inngest", {
      method: "PUT",
      headers: { "content-length": "0" },
    });
    expect((await PUT(sync as never, undefined as never)).status).toBe(200);
  });
});

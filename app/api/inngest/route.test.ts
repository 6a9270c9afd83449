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
    expect(described).toMatchObject({ mode: "dev", function_count: 7 });

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
      "prune-rate-limits": [{ cron: "17 3 * * *" }],
      "share-progress-note": [{ event: "portal/progress-note.created" }],
      "relay-outbox": [{ cron: "* * * * *" }],
    });
  });
});

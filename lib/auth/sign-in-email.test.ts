import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { startResendFake } from "@/testing/fakes/resend-fake";
import { listOutbox } from "@/lib/notifications/outbox";
import { sendSignInEmail } from "./sign-in-email";

const link = "http://localhost:3000/api/auth/callback/resend?token=abc&email=ada%40patients.example";

describe("sign-in email", () => {
  let resend: Awaited<ReturnType<typeof startResendFake>>;
  beforeAll(async () => {
    resend = await startResendFake();
  });
  afterAll(() => resend.close());
  afterEach(() => vi.unstubAllEnvs());

  it("goes through the real Resend SDK when a key is configured", async () => {
    vi.stubEnv("RESEND_API_KEY", "re_test_key");
    vi.stubEnv("RESEND_BASE_URL", resend.url);
    vi.stubEnv("EMAIL_FROM", "Clinic <portal@clinic.example>");
    await sendSignInEmail("ada@patients.example", link);

    expect(resend.requests).toHaveLength(1);
    const [request] = resend.requests;
    expect(request?.headers.authorization).toBe("Bearer re_test_key");
    expect(request?.parsed).toMatchObject({ from: "Clinic <portal@clinic.example>", to: "ada@patients.example" });
    expect((request?.parsed as { text: string }).text).toContain(link);
    expect(await listOutbox(db())).toHaveLength(0);
  });

  it("lands in the dev outbox when no provider is configured", async () => {
    vi.stubEnv("RESEND_API_KEY", "");
    await sendSignInEmail("ben@patients.example", link);
    const [message] = await listOutbox(db(), { recipient: "ben@patients.example" });
    expect(message?.body).toContain(link);
    expect(message?.channel).toBe("email");
  });
});

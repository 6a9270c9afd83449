import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startTwilioFake } from "@/testing/fakes/twilio-fake";
import { createTwilioClient } from "./client";

describe("Twilio client", () => {
  let fake: Awaited<ReturnType<typeof startTwilioFake>>;
  beforeAll(async () => {
    fake = await startTwilioFake();
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await fake.close();
  });

  it("sends the real SDK's wire request to the local fake", async () => {
    vi.stubEnv("TWILIO_API_BASE_URL", fake.url);
    const client = createTwilioClient({ accountSid: "AC00000000000000000000000000000001", authToken: "token" });
    const message = await client.messages.create({ to: "+12025550143", from: "+15005550006", body: "Reminder" });
    expect(message.sid).toMatch(/^SM/);
    const [request] = fake.requests;
    expect(request?.path).toBe("/api/2010-04-01/Accounts/AC00000000000000000000000000000001/Messages.json");
    expect(request?.parsed).toEqual({ To: "+12025550143", From: "+15005550006", Body: "Reminder" });
    expect(request?.headers.authorization).toBe(
      `Basic ${Buffer.from("AC00000000000000000000000000000001:token").toString("base64")}`,
    );

    const room = await client.video.v1.rooms.create({
      uniqueName: "appointment-1",
      recordParticipantsOnConnect: false,
    });
    expect(room.recordParticipantsOnConnect).toBe(false);
    expect(fake.requests[1]?.parsed).toMatchObject({
      UniqueName: "appointment-1",
      RecordParticipantsOnConnect: "false",
    });
  });

  it("refuses a fake base URL in production", () => {
    vi.stubEnv("TWILIO_API_BASE_URL", fake.url);
    vi.stubEnv("APP_ENV", "production");
    expect(() => createTwilioClient({ accountSid: "AC1", authToken: "t" })).toThrow(/TWILIO_API_BASE_URL/);
    vi.stubEnv("APP_ENV", "test");
  });
});

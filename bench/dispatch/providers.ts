import { startResendFake } from "@/testing/fakes/resend-fake";
import { startTwilioFake } from "@/testing/fakes/twilio-fake";

/** Resend and Twilio on loopback with a real API's latency; the real SDKs are pointed at them as in the e2e tests. */
export async function startProviderFakes(latencyMs: number) {
  const resend = await startResendFake({ delayMs: latencyMs });
  const twilio = await startTwilioFake({ delayMs: latencyMs });
  Object.assign(process.env, {
    RESEND_API_KEY: "re_bench_key",
    RESEND_BASE_URL: resend.url,
    EMAIL_FROM: "Patient Portal <portal@bench.example>",
    TWILIO_ACCOUNT_SID: `AC${"0".repeat(32)}`,
    TWILIO_AUTH_TOKEN: "bench-auth-token",
    TWILIO_SMS_FROM: "+15005550006",
    TWILIO_WHATSAPP_FROM: "+14155238886",
    TWILIO_API_BASE_URL: twilio.url,
  });
  const messageRequests = () => twilio.requests.filter((request) => request.path.endsWith("/Messages.json"));
  return {
    /** every message the providers were asked to send, with the idempotency key Resend received */
    received: () => ({
      emails: resend.requests.length,
      emailKeys: new Set(resend.requests.map((request) => request.headers["idempotency-key"])).size,
      texts: messageRequests().length,
    }),
    reset: () => {
      resend.reset();
      twilio.requests.length = 0;
    },
    close: async () => {
      await resend.close();
      await twilio.close();
    },
  };
}

import "server-only";
import twilio from "twilio";
import type BaseRequestClient from "twilio/lib/base/RequestClient";
import { env } from "@/lib/env";

/** Rewrites every Twilio API host (api, video, messaging…) to one local base URL: tests and dev only. */
class RedirectingRequestClient extends twilio.RequestClient {
  constructor(private readonly baseUrl: string) {
    super();
  }

  override request<TData>(opts: BaseRequestClient.RequestOptions<TData>) {
    const original = new URL(opts.uri);
    const target = new URL(this.baseUrl);
    // Keep the product in the path (/video/v1/Rooms, /api/2010-04-01/…) so a fake can tell them apart.
    const product = original.hostname.split(".")[0];
    const uri = `${target.origin}/${product}${original.pathname}${original.search}`;
    return super.request<TData>({ ...opts, uri });
  }
}

export type TwilioCredentials = { accountSid: string; authToken?: string; apiKeySid?: string; apiKeySecret?: string };

/** The one place a Twilio REST client is made; TWILIO_API_BASE_URL (refused in production) points it at a fake. */
export function createTwilioClient(credentials: TwilioCredentials): twilio.Twilio {
  const config = env();
  const baseUrl = config.twilioApiBaseUrl;
  if (baseUrl && config.isProduction) throw new Error("TWILIO_API_BASE_URL is not allowed in production");
  const httpClient = baseUrl ? new RedirectingRequestClient(baseUrl) : undefined;
  if (credentials.apiKeySid && credentials.apiKeySecret) {
    return twilio(credentials.apiKeySid, credentials.apiKeySecret, { accountSid: credentials.accountSid, httpClient });
  }
  return twilio(credentials.accountSid, credentials.authToken, { httpClient });
}

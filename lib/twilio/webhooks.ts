import "server-only";
import twilio from "twilio";
import { env } from "@/lib/env";

/** Twilio signs the public URL it called plus the POST params with the auth token; anything else is refused. */
export function isSignedByTwilio(pathname: string, signature: string | null, params: Record<string, string>): boolean {
  const { twilioAuthToken: authToken, appUrl } = env();
  if (!authToken || !signature) return false;
  const publicUrl = `${appUrl}${pathname}`;
  return twilio.validateRequest(authToken, signature, publicUrl, params);
}

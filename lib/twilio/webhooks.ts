import "server-only";
import twilio from "twilio";
import { env } from "@/lib/env";

/** Twilio signs the public URL it called plus the POST params with the auth token; anything else is refused. */
export function isSignedByTwilio(pathname: string, signature: string | null, params: Record<string, string>): boolean {
  const authToken = process.env.TWILIO_AUTH_TOKEN;
  if (!authToken || !signature) return false;
  const publicUrl = `${env().appUrl ?? "http://localhost:3000"}${pathname}`;
  return twilio.validateRequest(authToken, signature, publicUrl, params);
}

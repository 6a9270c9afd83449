import { NextRequest } from "next/server";
import { GET, POST } from "@/app/api/auth/[...nextauth]/route";
import { runAfterResponse } from "@/db/testing/request";
import { withPeerAddress } from "@/lib/auth/request";

// Auth.js's own sign-in endpoint called as a script would: a real CSRF token from /api/auth/csrf, then
// POST /api/auth/signin/resend, through the real route handler. Import "@/db/testing/request" first in the test file.
export const AUTH_ORIGIN = "https://portal.clinic.example";

export type AuthCaller = { peer: string; csrfToken: string; cookie: string };

/** A client at socket address `peer` that fetched a CSRF token (its cookie comes along on every request). */
export async function authCaller(peer: string): Promise<AuthCaller> {
  const response = await withPeerAddress(peer, () => GET(new NextRequest(`${AUTH_ORIGIN}/api/auth/csrf`)));
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { peer, csrfToken, cookie };
}

/** One request for a link; what Next runs after the response (the email) has run when it returns. */
export async function requestLinkFromAuthJs(from: AuthCaller, email: string, forwardedFor?: string) {
  const headers = new Headers({ "content-type": "application/x-www-form-urlencoded", cookie: from.cookie });
  if (forwardedFor) headers.set("x-forwarded-for", forwardedFor);
  const body = new URLSearchParams({ email, csrfToken: from.csrfToken, callbackUrl: `${AUTH_ORIGIN}/` });
  const response = await withPeerAddress(from.peer, () =>
    POST(new NextRequest(`${AUTH_ORIGIN}/api/auth/signin/resend`, { method: "POST", headers, body })),
  );
  await runAfterResponse();
  return {
    status: response.status,
    location: response.headers.get("location"),
    cookies: response.headers.getSetCookie().map((c) => c.split("=")[0]),
    body: await response.text(),
  };
}

/** Follows a link from an email as the browser at `peer` would. */
export function followLink(link: string, peer: string) {
  return withPeerAddress(peer, () => GET(new NextRequest(link)));
}

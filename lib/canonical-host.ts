import type { AppEnv } from "./app-env";

/**
 * In the demo and development, a page opened on another host than AUTH_URL's (typically 127.0.0.1 for localhost) is
 * sent to AUTH_URL's: session cookies and sign-in links are bound to that host, so on the other one the person would
 * look signed out forever. Route handlers are left alone (the Inngest runner calls 127.0.0.1). Production serves
 * whatever its proxy routes to it.
 */
export function canonicalRedirect(request: {
  method: string;
  host: string | null;
  pathname: string;
  search: string;
  appUrl: string | undefined;
  appEnv: AppEnv;
}): string | null {
  // Only with AUTH_URL set (the demo always sets it): a developer on another port without it is not bounced.
  if ((request.appEnv !== "demo" && request.appEnv !== "development") || !request.appUrl) return null;
  if (!["GET", "HEAD"].includes(request.method) || request.pathname.startsWith("/api/")) return null;
  const target = new URL(request.appUrl);
  if (!request.host || request.host === target.host) return null;
  return `${target.origin}${request.pathname}${request.search}`;
}

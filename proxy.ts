import { NextResponse, type NextRequest } from "next/server";
import { appEnvOf } from "@/lib/app-env";
import { safeReturnPath } from "@/lib/auth/return-path";
import { canonicalRedirect } from "@/lib/canonical-host";
import { MAX_POST_BODY_BYTES, newNonce, pageKind, securityHeaders } from "@/lib/security-headers";

// Security headers on every response, and comfort only: signed-out visitors go to sign-in. Every page, action and
// route handler checks the session itself.
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

// Public: sign-in, unsubscribe links, route handlers (each checks itself), the dev outbox, the browser's own fetches.
const PUBLIC_PATH = /^\/(sign-in|unsubscribe|join\/|api\/|dev\/outbox|favicon\.ico|robots\.txt)/;
// Public pages matched exactly, not by prefix: the front page, help, the privacy notice, the site icon.
const PUBLIC_PAGES = new Set(["/", "/help", "/privacy", "/icon.svg"]);

// Inngest's calls carry run state that can exceed 1 MB; the route is signed and checks its own bodies.
const OWN_BODY_LIMIT = /^\/api\/inngest(\/|$)/;

function tooLarge(request: NextRequest): boolean {
  if (request.method !== "POST" || OWN_BODY_LIMIT.test(request.nextUrl.pathname)) return false;
  return Number(request.headers.get("content-length") ?? "0") > MAX_POST_BODY_BYTES;
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const nonce = newNonce();
  const headers = securityHeaders({
    pathname,
    search,
    nonce,
    development: process.env.NODE_ENV === "development",
    // Read directly: lib/env.ts would bring node:fs and the whole configuration into every request.
    production: appEnvOf(process.env.APP_ENV, process.env.NODE_ENV) === "production",
  });
  const canonical = canonicalRedirect({
    method: request.method,
    host: request.headers.get("host"),
    pathname,
    search,
    appUrl: process.env.AUTH_URL,
    appEnv: appEnvOf(process.env.APP_ENV, process.env.NODE_ENV),
  });
  const response = canonical
    ? NextResponse.redirect(canonical)
    : answer(request, headers["Content-Security-Policy"]!, nonce);
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

function answer(request: NextRequest, csp: string, nonce: string): NextResponse {
  // Refused before Next reads the body (an oversized server action body was a 500).
  if (tooLarge(request)) {
    return new NextResponse("Request body too large (1 MB at most).\n", {
      status: 413,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  const { pathname, search } = request.nextUrl;
  if (!hasSession && !PUBLIC_PATH.test(pathname) && !PUBLIC_PAGES.has(pathname)) {
    // Sign-in brings them back to the page they asked for (the reminder's /visit/<id> link).
    const next = safeReturnPath(`${pathname}${search}`);
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = next ? `?${new URLSearchParams({ next })}` : "";
    return NextResponse.redirect(url);
  }
  // Route handlers render no HTML: their requests pass untouched.
  if (pageKind(request.nextUrl.pathname) === "api") return NextResponse.next();
  // Next reads the nonce from the request's CSP header and puts it on its scripts; x-nonce is for our own <Script>s.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  requestHeaders.set("x-nonce", nonce);
  return NextResponse.next({ request: { headers: requestHeaders } });
}

export const config = {
  // Every request but Next's own assets, which get their headers from next.config.ts.
  matcher: ["/((?!_next/).*)"],
};

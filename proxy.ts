import { NextResponse, type NextRequest } from "next/server";

// Comfort only: signed-out visitors go to sign-in. Every page, action and route handler checks the session itself.
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = "";
  return NextResponse.redirect(url);
}

export const config = {
  // Public: sign-in, unsubscribe links, route handlers (each checks itself), the dev outbox, Next assets.
  matcher: ["/((?!sign-in|unsubscribe|api/|dev/outbox|_next/|favicon.ico|robots.txt).*)"],
};

// The security headers of every response: proxy.ts sets them per request, next.config.ts on the /_next assets it skips.
// No server imports: proxy.ts runs before every request and stays light.

/** Server action and page POST bodies above this are refused in proxy.ts, as Next's own 1 MB action limit would. */
export const MAX_POST_BODY_BYTES = 1024 * 1024;

/**
 * What twilio-video 2.x connects to (its README's CSP section): room signalling and the SDK's insights gateway. Media
 * goes over WebRTC, which connect-src does not govern; tracks play through srcObject (media-src mediastream:).
 */
const TWILIO_VIDEO_CONNECT = ["wss://global.vss.twilio.com", "wss://sdkgw.us1.twilio.com"];

/** The clinician's session, the patient's visit and a guest's: the only pages that open the camera and microphone. */
const VIDEO_PAGE = /^\/(sessions|visit|join)\/[^/]+$/;

const LOCKED_FEATURES = [
  "accelerometer",
  "browsing-topics",
  "display-capture",
  "geolocation",
  "gyroscope",
  "hid",
  "magnetometer",
  "midi",
  "payment",
  "serial",
  "usb",
];

export type PageKind = "video" | "page" | "api";

export type HeaderContext = {
  pathname: string;
  search: string;
  nonce: string;
  /** `next dev`: React needs eval for its debugging stacks, and the dev overlay injects styles */
  development: boolean;
  /** APP_ENV=production, or NODE_ENV=production without APP_ENV (lib/app-env.ts) */
  production: boolean;
};

const trimmed = (pathname: string) => (pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname);

export function pageKind(pathname: string): PageKind {
  const path = trimmed(pathname);
  if (path === "/api" || path.startsWith("/api/")) return "api";
  return VIDEO_PAGE.test(path) ? "video" : "page";
}

/** Pages whose URL carries a token (unsubscribe, the magic-link callback, sign-in's error and return URL). */
export function tokenInUrl(pathname: string, search: string): boolean {
  const path = trimmed(pathname);
  return (
    path === "/unsubscribe" ||
    path === "/api/unsubscribe" ||
    path.startsWith("/api/auth/callback/") ||
    (path === "/sign-in" && search !== "" && search !== "?")
  );
}

/** A fresh nonce per request: 128 random bits, base64. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

const policy = (directives: (string | false)[]) => directives.filter(Boolean).join("; ");

/** Route handlers answer JSON, CSV or redirects: nothing in them may load, run or be framed. */
const API_POLICY = policy(["default-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"]);

export function contentSecurityPolicy(kind: PageKind, { nonce, development, production }: HeaderContext): string {
  if (kind === "api") return API_POLICY;
  const video = kind === "video";
  return policy([
    "default-src 'self'",
    // strict-dynamic: the chunks Next's nonced scripts load (twilio-video among them) are trusted, no others.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Tailwind ships as a CSS file and Next sets styles through the CSSOM; any <style> Next emits carries the nonce.
    `style-src 'self' ${development ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "img-src 'self'",
    "font-src 'self'",
    `connect-src 'self'${video ? ` ${TWILIO_VIDEO_CONNECT.join(" ")}` : ""}`,
    video && "media-src 'self' mediastream:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    production && "upgrade-insecure-requests",
  ]);
}

export function permissionsPolicy(kind: PageKind): string {
  const media = kind === "video" ? "(self)" : "()";
  return [`camera=${media}`, `microphone=${media}`, ...LOCKED_FEATURES.map((feature) => `${feature}=()`)].join(", ");
}

/** The headers every response carries; the page's kind decides CSP and Permissions-Policy. */
export function securityHeaders(context: HeaderContext): Record<string, string> {
  const kind = pageKind(context.pathname);
  return {
    "Content-Security-Policy": contentSecurityPolicy(kind, context),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": tokenInUrl(context.pathname, context.search) ? "no-referrer" : "strict-origin-when-cross-origin",
    "Permissions-Policy": permissionsPolicy(kind),
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(context.production ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/** For Next's own assets (/_next/*), which proxy.ts skips; HSTS rides on every page already. */
export const STATIC_ASSET_HEADERS = [
  { key: "Content-Security-Policy", value: API_POLICY },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: permissionsPolicy("page") },
];

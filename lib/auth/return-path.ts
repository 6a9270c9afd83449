// Where a signed-out visitor was going, carried through sign-in as `?next=` and the magic link's callbackUrl.
// No server imports: proxy.ts, the sign-in page and its action all use it.

const PLACEHOLDER_ORIGIN = "http://portal.invalid";
const MAX_LENGTH = 1024;
// Control characters, spaces and backslashes (browsers read "/\evil.example" as "//evil.example").
const UNSAFE = /[\u0000-\u0020\u007F\\]/;
const NOT_A_PAGE = /^\/(sign-in|api|_next)(\/|$|\?)/;

/**
 * A path on this site to go to after sign-in, or null: only a same-origin page path ("/visit/…?x=y"), never an
 * absolute URL ("https://…"), a protocol-relative one ("//…"), sign-in itself or a route handler.
 */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return null;
  if (!value.startsWith("/") || value.startsWith("//") || UNSAFE.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return null;
  const path = `${url.pathname}${url.search}`;
  if (path === "/" || NOT_A_PAGE.test(path)) return null;
  return path;
}

/** The sign-in page, remembering where to go afterwards when that is a safe path. */
export function signInPath(returnTo?: string | null): string {
  const next = safeReturnPath(returnTo);
  return next ? `/sign-in?${new URLSearchParams({ next })}` : "/sign-in";
}

import { describe, expect, it } from "vitest";
import { appEnvOf } from "./app-env";
import { parseEnv } from "./env";
import { newNonce, pageKind, securityHeaders, tokenInUrl } from "./security-headers";

const base = { search: "", nonce: "bm9uY2U=", development: false, production: false };
const directives = (csp: string) => new Map(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("securityHeaders", () => {
  it("a page: nonce and strict-dynamic for scripts, the nonce for styles, no unsafe-*, no framing, no plugins", () => {
    const csp = directives(securityHeaders({ ...base, pathname: "/settings" })["Content-Security-Policy"]!);
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'"]);
    expect(csp.get("style-src")).toEqual(["'self'", "'nonce-bm9uY2U='"]);
    expect(csp.get("connect-src")).toEqual(["'self'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
  });

  it("next dev alone gets unsafe-eval (React's debug stacks) and inline styles (the dev overlay)", () => {
    const csp = directives(securityHeaders({ ...base, development: true, pathname: "/" })["Content-Security-Policy"]!);
    expect(csp.get("script-src")).toContain("'unsafe-eval'");
    expect(csp.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("only the video pages may use the camera and reach Twilio's signalling", () => {
    for (const pathname of [
      "/sessions/0b6f4a0e-2d7c-4a53-9a51-5b0d7c3e9f10",
      "/visit/abc",
      "/visit/abc/",
      "/join/abc",
    ]) {
      const headers = securityHeaders({ ...base, pathname });
      expect(headers["Permissions-Policy"]).toMatch(/^camera=\(self\), microphone=\(self\), /);
      expect(directives(headers["Content-Security-Policy"]!).get("connect-src")).toEqual([
        "'self'",
        "wss://global.vss.twilio.com",
        "wss://sdkgw.us1.twilio.com",
      ]);
    }
    for (const pathname of [
      "/schedule",
      "/sessions",
      "/sessions/a/b",
      "/visitors/a",
      "/join",
      "/api/sessions/a/room",
    ]) {
      const headers = securityHeaders({ ...base, pathname });
      expect(headers["Permissions-Policy"]).toMatch(/^camera=\(\), microphone=\(\), /);
      expect(headers["Content-Security-Policy"]).not.toContain("twilio");
    }
    expect(securityHeaders({ ...base, pathname: "/" })["Permissions-Policy"]).toContain("geolocation=()");
  });

  it("route handlers get a policy that lets nothing load, run or frame them", () => {
    expect(securityHeaders({ ...base, pathname: "/api/health" })["Content-Security-Policy"]).toBe(
      "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(pageKind("/apis")).toBe("page");
  });

  it("no referrer leaves a page whose URL carries a token", () => {
    expect(tokenInUrl("/unsubscribe", "?token=x")).toBe(true);
    expect(tokenInUrl("/api/unsubscribe", "?token=x")).toBe(true);
    expect(tokenInUrl("/api/auth/callback/nodemailer", "?token=x&email=y")).toBe(true);
    expect(tokenInUrl("/sign-in", "?error=Verification")).toBe(true);
    expect(tokenInUrl("/sign-in", "")).toBe(false);
    expect(tokenInUrl("/settings", "?token=x")).toBe(false);
    const headers = (pathname: string, search = "") => securityHeaders({ ...base, pathname, search });
    expect(headers("/unsubscribe", "?token=x")["Referrer-Policy"]).toBe("no-referrer");
    expect(headers("/settings")["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
  });

  it("HSTS and upgrade-insecure-requests in production only", () => {
    const production = securityHeaders({ ...base, production: true, pathname: "/" });
    expect(production["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
    expect(production["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
    expect(securityHeaders({ ...base, pathname: "/" })).not.toHaveProperty("Strict-Transport-Security");
  });

  it("nonces are fresh 128-bit base64 values", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("appEnvOf", () => {
  it("is lib/env.ts's rule: APP_ENV wins, else production exactly when NODE_ENV is", () => {
    expect(appEnvOf(undefined, "production")).toBe("production");
    expect(appEnvOf("test", "production")).toBe("test");
    expect(appEnvOf("demo", "production")).toBe("demo");
    expect(appEnvOf(undefined, "development")).toBe("development");
    expect(appEnvOf(undefined, undefined)).toBe("development");
    for (const [APP_ENV, NODE_ENV] of [
      [undefined, "development"],
      ["test", "production"],
      ["demo", "production"],
    ] as const) {
      expect(parseEnv({ APP_ENV, NODE_ENV }, () => "s".repeat(32)).appEnv).toBe(appEnvOf(APP_ENV, NODE_ENV));
    }
  });
});

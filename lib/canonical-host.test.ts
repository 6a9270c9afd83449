import { describe, expect, it } from "vitest";
import { canonicalRedirect } from "./canonical-host";

const demo = {
  method: "GET",
  pathname: "/settings",
  search: "?history=all",
  appUrl: "http://localhost:3000",
  appEnv: "demo" as const,
};

describe("one canonical host in the demo and development", () => {
  it("sends a page opened on 127.0.0.1 to localhost, path and query kept", () => {
    expect(canonicalRedirect({ ...demo, host: "127.0.0.1:3000" })).toBe("http://localhost:3000/settings?history=all");
    expect(canonicalRedirect({ ...demo, host: "localhost:3000" })).toBeNull();
  });

  it("leaves route handlers, non-GET requests, production and tests alone", () => {
    expect(canonicalRedirect({ ...demo, host: "127.0.0.1:3000", pathname: "/api/inngest" })).toBeNull();
    expect(canonicalRedirect({ ...demo, host: "127.0.0.1:3000", method: "POST" })).toBeNull();
    expect(canonicalRedirect({ ...demo, host: "127.0.0.1:3000", appEnv: "production" })).toBeNull();
    expect(canonicalRedirect({ ...demo, host: "127.0.0.1:3000", appEnv: "test" })).toBeNull();
    expect(canonicalRedirect({ ...demo, host: "127.0.0.1:3001", appEnv: "development", appUrl: undefined })).toBeNull();
  });
});

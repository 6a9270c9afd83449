import { describe, expect, it } from "vitest";
import { safeReturnPath, signInPath } from "./return-path";

describe("the path a sign-in returns to", () => {
  it("keeps a page path on this site, with its query", () => {
    expect(safeReturnPath("/visit/0b9c7a4e-2f0d-4f55-9a53-0d7f5d1c9a10")).toBe(
      "/visit/0b9c7a4e-2f0d-4f55-9a53-0d7f5d1c9a10",
    );
    expect(safeReturnPath("/admin/deliveries?patient=ada%40patients.example")).toBe(
      "/admin/deliveries?patient=ada%40patients.example",
    );
  });

  it.each([
    ["an absolute URL to another origin", "https://evil.example/visit/1"],
    ["an absolute URL to this origin's scheme", "http://localhost:3000/visit/1"],
    ["a protocol-relative URL", "//evil.example/visit/1"],
    ["a backslash that browsers read as a slash", "/\\evil.example"],
    ["a tab inside the authority trick", "/\t/evil.example"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a relative path", "visit/1"],
    ["an empty value", ""],
    ["the home page, which is the default anyway", "/"],
    ["sign-in itself", "/sign-in?next=/visit/1"],
    ["a route handler", "/api/auth/signout"],
    ["something that is not a string", ["/visit/1"]],
    ["a path too long to be real", `/${"a".repeat(1100)}`],
  ])("refuses %s", (_, value) => {
    expect(safeReturnPath(value)).toBeNull();
  });

  it("puts a safe path in the sign-in link and drops anything else", () => {
    expect(signInPath("/visit/1?from=reminder")).toBe("/sign-in?next=%2Fvisit%2F1%3Ffrom%3Dreminder");
    expect(signInPath("https://evil.example")).toBe("/sign-in");
    expect(signInPath(undefined)).toBe("/sign-in");
  });
});

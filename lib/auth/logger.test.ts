import { AccessDenied, AdapterError } from "@auth/core/errors";
import { describe, expect, it } from "vitest";
import { captureOutput } from "@/testing/capture-output";
import { authLogger } from "./logger";

const logged = async (work: () => void) => (await captureOutput(async () => work())).output;

describe("Auth.js's log lines", () => {
  it("name an error by Auth.js's type, not its class name (which a production build minifies)", async () => {
    const error = new AccessDenied("Access denied");
    error.name = "m"; // what `this.constructor.name` is after minification
    const output = await logged(() => authLogger.error(error));
    const line = JSON.parse(output.trim().split("\n").at(-1)!) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 50, code: "AccessDenied", msg: "Auth.js: AccessDenied" });
    expect(line.err).toMatchObject({ type: "AccessDenied" });
    expect(output).not.toMatch(/"m"/);
  });

  it("keep what the error wraps, without the addresses in its messages", async () => {
    const cause = Object.assign(new Error("insert into users failed for ada@patients.example"), { code: "23505" });
    const output = await logged(() => authLogger.error(new AdapterError("Adapter failed", { cause: { err: cause } })));
    expect(output).toContain('"code":"AdapterError"');
    expect(output).toContain('"code":"23505"');
    expect(output).not.toContain("ada@patients.example");
  });

  it("log warnings by their code, and other errors through the same serializer", async () => {
    const output = await logged(() => {
      authLogger.warn("debug-enabled");
      authLogger.error(new TypeError("fetch to ada@patients.example failed"));
    });
    expect(output).toContain('"code":"debug-enabled"');
    expect(output).toContain("Auth.js warning: debug-enabled");
    expect(output).toContain('"type":"TypeError"');
    expect(output).not.toContain("ada@patients.example");
  });
});

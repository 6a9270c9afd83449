import { describe, expect, it } from "vitest";
import { isRecordId, plainText, readBodyText, readFormBody } from "./validation";

describe("input rules", () => {
  it("accepts any script and emoji, refuses control characters and bidi overrides", () => {
    const name = plainText({ max: 100, label: "The name" });
    for (const ok of [
      "Ada Lovelace",
      "محمد",
      "שלום",
      "Zoë 🙂",
      "O'Brien-Smith",
      "<b>x</b>",
      "'; drop table users; --",
    ]) {
      expect(name.safeParse(ok).success).toBe(true);
    }
    for (const bad of ["Ada\u0000", "Ada\nLovelace", "a\u0007b", "evil\u202Etxt.exe", "x\u2066y", "\u0085"]) {
      expect(name.safeParse(bad).success).toBe(false);
    }
    expect(plainText({ max: 100, multiline: true }).safeParse("line one\nline two\ttabbed").success).toBe(true);
    expect(plainText({ max: 100, multiline: true }).safeParse("line\u0000").success).toBe(false);
    expect(name.safeParse("x".repeat(101)).error?.issues[0]?.message).toBe(
      "The name is too long (at most 100 characters).",
    );
  });

  it("a record id is a UUID: 36 dashes, SQL and empty are not", () => {
    expect(isRecordId("7be68f0f-f5bd-412f-840f-dc7697ec391a")).toBe(true);
    for (const bad of ["-".repeat(36), "1 or 1=1", "", "7be68f0f-f5bd-412f-840f-dc7697ec391a\u0000"])
      expect(isRecordId(bad)).toBe(false);
  });

  it("answers 413 for a body over the limit, declared or streamed", async () => {
    const declared = await readBodyText(
      new Request("http://x/", { method: "POST", body: "a", headers: { "content-length": "2000000" } }),
      1000,
    );
    expect((declared as Response).status).toBe(413);
    const streamed = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 5; i++) controller.enqueue(new TextEncoder().encode("x".repeat(400)));
        controller.close();
      },
    });
    const request = new Request("http://x/", { method: "POST", body: streamed, duplex: "half" } as RequestInit);
    const result = await readBodyText(request, 1000);
    expect((result as Response).status).toBe(413);
    expect(await (result as Response).json()).toEqual({ error: "The request body is too large (at most 1000 bytes)." });
    expect(await readFormBody(new Request("http://x/", { method: "POST", body: "From=%2B44&Body=STOP" }))).toEqual({
      From: "+44",
      Body: "STOP",
    });
  });
});

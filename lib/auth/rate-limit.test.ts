import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { hitRateLimit, pruneRateLimits } from "./rate-limit";

const rule = { name: "test", limit: 3, windowMs: 60_000 };

describe("sign-in rate limit", () => {
  it("allows the limit, refuses the next with the seconds left, and starts again in the next window", async () => {
    const start = new Date("2026-05-01T10:00:10Z");
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await hitRateLimit(db(), rule, "Ben@Patients.example", start));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results[3]?.retryAfterSeconds).toBe(50);

    // Another subject has its own budget; the same one, differently cased, does not.
    expect((await hitRateLimit(db(), rule, "ada@patients.example", start)).allowed).toBe(true);
    expect((await hitRateLimit(db(), rule, "ben@patients.example", start)).allowed).toBe(false);

    expect((await hitRateLimit(db(), rule, "ben@patients.example", new Date("2026-05-01T10:01:00Z"))).allowed).toBe(true);
  });

  it("prunes windows older than a day and keeps the current ones", async () => {
    const now = new Date("2026-05-03T10:00:00Z");
    await hitRateLimit(db(), rule, "recent@patients.example", now);
    expect(await pruneRateLimits(db(), now)).toBeGreaterThan(0);
    expect(await pruneRateLimits(db(), now)).toBe(0);
    // The current window survived: its count goes on from 1, so the 4th hit is refused.
    const next = [];
    for (let i = 0; i < 3; i++) next.push((await hitRateLimit(db(), rule, "recent@patients.example", now)).allowed);
    expect(next).toEqual([true, true, false]);
  });
});

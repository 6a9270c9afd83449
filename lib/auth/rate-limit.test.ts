import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { hitRateLimit, pruneRateLimits, slidingWindowDecision } from "./rate-limit";

const rule = { name: "test", limit: 3, windowMs: 60_000 };

describe("sign-in rate limit", () => {
  it("allows the limit, refuses the next with the time left, and lets a hit through once the burst slides out", async () => {
    const start = new Date("2026-05-01T10:00:10Z");
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await hitRateLimit(db(), rule, "Ben@Patients.example", start));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    // 4 hits in this window: a 5th is allowed once half the next window has passed (1 + 4 × ½ ≤ 3), at 10:01:30.
    expect(results[3]?.retryAfterSeconds).toBe(80);

    // Another subject has its own budget; the same one, differently cased, does not.
    expect((await hitRateLimit(db(), rule, "ada@patients.example", start)).allowed).toBe(true);
    expect((await hitRateLimit(db(), rule, "ben@patients.example", start)).allowed).toBe(false);

    // The window boundary is no reset: 50 s after a burst of 5, the next window still counts it.
    const atBoundary = await hitRateLimit(db(), rule, "ben@patients.example", new Date("2026-05-01T10:01:00Z"));
    expect(atBoundary).toEqual({ allowed: false, retryAfterSeconds: 48 });
    // 48 s later 1 + 1 hits in this window and 5 × 12/60 of the last one make exactly the limit.
    expect((await hitRateLimit(db(), rule, "ben@patients.example", new Date("2026-05-01T10:01:48Z"))).allowed).toBe(
      true,
    );
    expect((await hitRateLimit(db(), rule, "ben@patients.example", new Date("2026-05-01T10:01:48Z"))).allowed).toBe(
      false,
    );
  });

  it("refuses a burst that straddles a window boundary, wherever it splits", () => {
    const perEmail = { name: "split", limit: 5, windowMs: 15 * 60_000 };
    for (let before = 0; before <= 5; before++) {
      // `before` hits just ahead of the boundary, the rest 20 s into the next window: the 6th is refused.
      const after = 6 - before;
      expect(slidingWindowDecision(perEmail, after, before, 20_000).allowed).toBe(false);
      if (after > 1) expect(slidingWindowDecision(perEmail, after - 1, before, 20_000).allowed).toBe(true);
    }
    // A full window after the burst began, nothing of it counts.
    expect(slidingWindowDecision(perEmail, 1, 5, 15 * 60_000 - 1).allowed).toBe(true);
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

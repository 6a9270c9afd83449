import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { db } from "@/db/client";
import { sessions } from "@/db/schema";

/**
 * A database session as Auth.js stores it after a sign-in, and a Playwright storage-state file holding its cookie:
 * specs open pages as this person without a sign-in email (the suite shares the per-address and per-IP limits).
 */
export async function writeSeededSession(userId: string, file: string, now = new Date()): Promise<void> {
  const sessionToken = randomBytes(32).toString("hex");
  const expires = new Date(now.getTime() + 86_400_000);
  await db().insert(sessions).values({ sessionToken, userId, expires });
  const cookie = {
    name: "authjs.session-token",
    value: sessionToken,
    domain: "localhost",
    path: "/",
    expires: Math.floor(expires.getTime() / 1000),
    httpOnly: true,
    secure: false,
    sameSite: "Lax" as const,
  };
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  writeFileSync(path.resolve(file), JSON.stringify({ cookies: [cookie], origins: [] }, null, 2));
}

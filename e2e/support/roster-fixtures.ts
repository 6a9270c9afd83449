// A patient with an open session for the roster spec to deactivate, seeded before the server starts.
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { db } from "@/db/client";
import { patientProfiles, sessions, users } from "@/db/schema";

export const rosterPeople = { dana: { email: "dana@patients.example", first: "Dana", last: "Deactivate" } } as const;
export const rosterAuth = { dana: "e2e/.auth/roster-dana.json" } as const;

export async function seedRosterFixtures(now = new Date()): Promise<void> {
  const { dana } = rosterPeople;
  const [user] = await db()
    .insert(users)
    .values({ email: dana.email, name: `${dana.first} ${dana.last}`, role: "patient" })
    .returning({ id: users.id });
  await db()
    .insert(patientProfiles)
    .values({ userId: user!.id, firstName: dana.first, lastName: dana.last, timeZone: "Europe/London" });
  const sessionToken = randomBytes(32).toString("hex");
  const expires = new Date(now.getTime() + 24 * 3600_000);
  await db().insert(sessions).values({ sessionToken, userId: user!.id, expires });
  mkdirSync("e2e/.auth", { recursive: true });
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
  writeFileSync(path.resolve(rosterAuth.dana), JSON.stringify({ cookies: [cookie], origins: [] }, null, 2));
}

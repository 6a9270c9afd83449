// A patient with an open session for the roster spec to deactivate, seeded before the server starts.
import { writeSeededSession } from "./seeded-session";
import { db } from "@/db/client";
import { patientProfiles, users } from "@/db/schema";

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
  await writeSeededSession(user!.id, rosterAuth.dana, now);
}

import { db } from "@/db/client";
import { patientProfiles, preferenceLedger, users } from "@/db/schema";
import { e2ePeople } from "./people";

/**
 * A patient with 22 changes in their history (the oldest "Email notifications On → Off", then reminders toggled 21
 * times), so the history's limit is tested without 21 UI saves inside one test's timeout.
 */
export async function seedE2eFixtures(): Promise<void> {
  const [flood] = await db()
    .insert(users)
    .values({ email: e2ePeople.linkFlood, name: "Flo Flood", role: "patient" })
    .onConflictDoNothing()
    .returning({ id: users.id });
  if (flood) {
    await db()
      .insert(patientProfiles)
      .values({ userId: flood.id, firstName: "Flo", lastName: "Flood", timeZone: "Europe/London" });
  }

  const [user] = await db()
    .insert(users)
    .values({ email: e2ePeople.longHistory, name: "Hana History", role: "patient" })
    .onConflictDoNothing()
    .returning({ id: users.id });
  if (!user) return;
  await db().insert(patientProfiles).values({
    userId: user.id,
    firstName: "Hana",
    lastName: "History",
    timeZone: "Europe/London",
    emailNotifications: false,
  });
  const start = Date.now() - 30 * 24 * 3600_000;
  const toggles = Array.from({ length: 21 }, (_, i) => ({
    field: "appointmentReminders",
    oldValue: i % 2 === 0 ? "true" : "false",
    newValue: i % 2 === 0 ? "false" : "true",
    createdAt: new Date(start + (i + 1) * 3600_000),
  }));
  const oldest = { field: "emailNotifications", oldValue: "true", newValue: "false", createdAt: new Date(start) };
  await db()
    .insert(preferenceLedger)
    .values(
      [oldest, ...toggles].map((change) => ({
        ...change,
        patientId: user.id,
        actorId: user.id,
        actorKind: "patient" as const,
      })),
    );
}

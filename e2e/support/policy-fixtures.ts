import { writeSeededSession } from "./seeded-session";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { appointments, patientProfiles, users } from "@/db/schema";
import { seedEmails } from "@/db/seed";
import { zonedTimeToUtc } from "@/lib/zoned-time";

/** Patients of the notification-policy specs only: texts on, one visit three days ahead at 12:00 London time. */
export const policyPeople = {
  withJs: "matrix@patients.example",
  noJs: "matrix-nojs@patients.example",
  /** only read (by an admin): nothing changes their choices */
  adminView: "coming-up@patients.example",
} as const;
type PolicyPerson = keyof typeof policyPeople;

/** A signed-in session, seeded: the suite's sign-in links are limited per address and per IP. */
export const policyAuth = (who: PolicyPerson) => `e2e/.auth/policy-${who}.json`;

export async function seedPolicyFixtures(now = new Date()): Promise<void> {
  const [grey] = await db().select({ id: users.id }).from(users).where(eq(users.email, seedEmails.grey));
  const day = new Date(now.getTime() + 3 * 86_400_000).toISOString().slice(0, 10);
  for (const [index, [who, email]] of Object.entries(policyPeople).entries()) {
    const [user] = await db()
      .insert(users)
      .values({ email, name: "Mat Rix", role: "patient" })
      .returning({ id: users.id });
    await db()
      .insert(patientProfiles)
      .values({
        userId: user!.id,
        firstName: "Mat",
        lastName: `Rix${index}`,
        timeZone: "Europe/London",
        phoneE164: "+447911123456",
        textMessages: true,
      });
    await db()
      .insert(appointments)
      .values({
        patientId: user!.id,
        clinicianId: grey!.id,
        startsAt: zonedTimeToUtc(`${day}T12:00`, "Europe/London"),
        modality: "telehealth",
        createdAt: new Date(now.getTime() - 86_400_000),
      });
    await writeSession(user!.id, policyAuth(who as PolicyPerson));
  }
}

const writeSession = (userId: string, file: string) => writeSeededSession(userId, file);

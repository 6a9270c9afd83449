import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { appointments, patientProfiles, users } from "@/db/schema";
import { seedEmails } from "@/db/seed";

/** Patients of the notification-policy specs only: texts on, one visit three days ahead at 12:00 London time. */
export const policyPeople = { withJs: "matrix@patients.example", noJs: "matrix-nojs@patients.example" } as const;

export async function seedPolicyFixtures(): Promise<void> {
  const [grey] = await db().select({ id: users.id }).from(users).where(eq(users.email, seedEmails.grey));
  const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  for (const [index, email] of Object.values(policyPeople).entries()) {
    const [user] = await db()
      .insert(users)
      .values({ email, name: "Mat Rix", role: "patient" })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!user) continue;
    await db()
      .insert(patientProfiles)
      .values({
        userId: user.id,
        firstName: "Mat",
        lastName: `Rix${index}`,
        timeZone: "Europe/London",
        phoneE164: "+447911123456",
        textMessages: true,
      });
    await db()
      .insert(appointments)
      .values({
        patientId: user.id,
        clinicianId: grey!.id,
        startsAt: new Date(`${day}T12:00:00Z`),
        modality: "telehealth",
        createdAt: new Date(Date.now() - 86_400_000),
      });
  }
}

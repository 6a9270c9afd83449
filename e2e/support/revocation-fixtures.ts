// A patient whose email bounced and whose number is a landline, with a staff change in her history, and replies in
// the staff inbox: seeded by e2e/support/server.ts so the specs need no provider callbacks or sign-in emails.
import { writeSeededSession } from "./seeded-session";
import { db } from "@/db/client";
import { inboundMessages, patientProfiles, preferenceLedger, users } from "@/db/schema";
import { seedEmails } from "@/db/seed";
import { eq } from "drizzle-orm";

export const revocationPeople = {
  bea: { email: "bea@patients.example", phone: "+442079460123" },
  ivy: { email: "ivy@patients.example", phone: "+447700900777" },
  /** staff record a phone request for him in the inbox spec */
  max: { email: "max@patients.example", phone: "+447700900778" },
} as const;
export const beaAuth = "e2e/.auth/revocation-bea.json";

export async function seedRevocationFixtures(now = new Date()): Promise<void> {
  const ids: Record<string, string> = {};
  for (const [key, person] of Object.entries(revocationPeople)) {
    const [user] = await db()
      .insert(users)
      .values({ email: person.email, name: key, role: "patient" })
      .returning({ id: users.id });
    ids[key] = user!.id;
    await db()
      .insert(patientProfiles)
      .values({
        userId: user!.id,
        firstName: key.charAt(0).toUpperCase() + key.slice(1),
        lastName: "Example",
        timeZone: "Europe/London",
        phoneE164: person.phone,
        textMessages: true,
      });
  }
  await db()
    .update(patientProfiles)
    .set({
      emailBouncedAddress: revocationPeople.bea.email,
      emailBouncedAt: now,
      phoneUnreachableNumber: revocationPeople.bea.phone,
      phoneUnreachableCode: "30006",
    })
    .where(eq(patientProfiles.userId, ids.bea!));
  const [admin] = await db().select({ id: users.id }).from(users).where(eq(users.email, seedEmails.admin));
  await db().insert(preferenceLedger).values({
    patientId: ids.bea!,
    actorId: admin!.id,
    actorKind: "staff",
    requestMeans: "phone",
    field: "appointmentReminders",
    oldValue: "true",
    newValue: "false",
  });
  await db()
    .insert(inboundMessages)
    .values({
      messageSid: "SMe2e00000000000000000000000000001",
      patientId: ids.ivy!,
      channel: "sms",
      fromNumber: revocationPeople.ivy.phone,
      body: "Could someone call me about my bill",
      receivedAt: now,
      respondBy: new Date(now.getTime() + 14 * 86_400_000),
    });

  await writeSeededSession(ids.bea!, beaAuth, now);
}

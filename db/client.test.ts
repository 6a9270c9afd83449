import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { inspect } from "node:util";
import { DatabaseQueryError, db, dbHandle } from "./client";
import { appointments, patientProfiles, preferenceLedger, users } from "./schema";
import { seed, seedEmails } from "./seed";

describe(`database client (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("uses the driver the environment asks for", () => {
    expect(dbHandle().driver).toBe(process.env.DATABASE_URL ? "postgres" : "pglite");
  });

  it("seeds the demo people once, with safe defaults for Ben and Ada's stored consent", async () => {
    const now = new Date("2026-03-01T12:00:00Z");
    expect(await seed(db(), now)).toEqual({ created: true });
    expect(await seed(db(), now)).toEqual({ created: false });

    const [{ value: people }] = (await db().select({ value: count() }).from(users)) as [{ value: number }];
    expect(people).toBe(5);

    const [ben] = await db()
      .select({ profile: patientProfiles })
      .from(patientProfiles)
      .innerJoin(users, eq(users.id, patientProfiles.userId))
      .where(eq(users.email, seedEmails.ben));
    expect(ben?.profile).toMatchObject({
      emailNotifications: true,
      appointmentReminders: true,
      textMessages: false,
      textChannel: "sms",
      recordingConsent: false,
      progressSharingConsent: false,
      timeZone: "America/New_York",
    });

    const [ada] = await db().select({ id: users.id }).from(users).where(eq(users.email, seedEmails.ada));
    const adaAppointments = await db().select().from(appointments).where(eq(appointments.patientId, ada!.id));
    const firstVideo = adaAppointments.filter((a) => a.modality === "telehealth" && a.status === "scheduled")[0];
    expect(firstVideo?.startsAt.toISOString()).toBe("2026-03-01T12:10:00.000Z");
    expect(adaAppointments.map((a) => a.status).sort()).toEqual(["cancelled", "completed", "scheduled", "scheduled"]);

    const ledger = await db().select().from(preferenceLedger).where(eq(preferenceLedger.patientId, ada!.id));
    expect(ledger.map((row) => row.field).sort()).toEqual([
      "careContactEmail",
      "careContactName",
      "careContactRelationship",
      "progressSharingConsent",
      "recordingConsent",
    ]);
  });

  it("rolls a failed transaction back completely", async () => {
    const before = await db().select({ value: count() }).from(users);
    await expect(
      db().transaction(async (tx) => {
        await tx.insert(users).values({ email: "rollback@patients.example", role: "patient" });
        await tx.insert(users).values({ email: "rollback@patients.example", role: "patient" });
      }),
    ).rejects.toThrow();
    expect(await db().select({ value: count() }).from(users)).toEqual(before);
  });
});

describe("a failed query, as anything might log it", () => {
  it("carries the SQLSTATE and constraint, never the values written or the server's detail", async () => {
    const marker = "PHIMARKER-ada@patients.example";
    const error = await db()
      .insert(users)
      .values([
        { email: marker, name: marker },
        { email: marker, name: marker },
      ])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseQueryError);
    expect(error).toMatchObject({ code: "23505", constraint: "users_email_unique" });
    // What console.error, Next's error overlay or an SDK would print: message, stack, every own property, the cause.
    expect(inspect(error, { depth: 5 })).not.toContain("PHIMARKER");
    expect(JSON.stringify(error)).not.toContain("PHIMARKER");
    const nul = await db()
      .insert(users)
      .values({ email: "x@y.example", name: `${marker}\u0000` })
      .catch((e: unknown) => e);
    expect(inspect(nul, { depth: 5 })).not.toContain("PHIMARKER");
  });
});

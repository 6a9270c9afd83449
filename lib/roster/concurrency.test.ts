import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { rosterAudit, users } from "@/db/schema";
import { seed, seedEmails } from "@/db/seed";
import { createFirstAdmin } from "./first-admin";
import { checkImport, importPatients } from "./import";
import { inviteUser } from "./invite";
import type { InviteInput } from "./schemas";

// Two admins at once (on PostgreSQL, real concurrent transactions): the unique email decides, exactly one user exists.
const admins = { first: "", second: "" };
beforeAll(async () => {
  await seed(db());
  admins.first = (await db().select({ id: users.id }).from(users).where(eq(users.email, seedEmails.admin)))[0]!.id;
  const [second] = await db().insert(users).values({ email: "second@clinic.example", role: "admin" }).returning();
  admins.second = second!.id;
});

const usersWith = async (email: string) =>
  (await db().select({ n: count() }).from(users).where(eq(users.email, email)))[0]!.n;
const invitation = (email: string): InviteInput =>
  ({
    role: "patient",
    firstName: "Twin",
    lastName: "Race",
    email,
    timeZone: "UTC",
    phone: "",
    country: null,
    clinicianIds: [],
  }) as const;

describe("two admins at once", () => {
  it("inviting the same email: one invitation succeeds, the other gets the field error, one user", async () => {
    const results = await Promise.all(
      [admins.first, admins.second].map((userId) =>
        inviteUser(db(), { userId, requestHash: null }, invitation("twin@race.example")),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({
      fieldErrors: { email: ["Someone with this email address is already registered."] },
    });
    expect(await usersWith("twin@race.example")).toBe(1);
  });

  it("importing files that share an email (or inviting it meanwhile): one wins, the rest write nothing", async () => {
    const bytes = (rows: string[]) => new TextEncoder().encode(["name,email,time_zone,phone", ...rows].join("\n"));
    const fileA = bytes(["Shared One,shared@race.example,UTC,", "Only A,only-a@race.example,UTC,"]);
    const fileB = bytes(["Shared Two,shared@race.example,UTC,", "Only B,only-b@race.example,UTC,"]);
    const [checkA, checkB] = await Promise.all([checkImport(db(), fileA), checkImport(db(), fileB)]);
    const fingerprint = (check: Awaited<ReturnType<typeof checkImport>>) =>
      "fingerprint" in check ? check.fingerprint : "";
    const results = await Promise.all([
      importPatients(db(), { userId: admins.first, requestHash: null }, fileA, fingerprint(checkA)),
      importPatients(db(), { userId: admins.second, requestHash: null }, fileB, fingerprint(checkB)),
      inviteUser(db(), { userId: admins.first, requestHash: null }, invitation("shared@race.example")),
    ]);
    expect(await usersWith("shared@race.example")).toBe(1);
    const imported = results.slice(0, 2).filter((r) => "kind" in r && r.kind === "imported");
    const invited = results[2]!.ok;
    expect(imported.length + (invited ? 1 : 0)).toBe(1);
    // The losers were rolled back whole: their other row is not there either.
    const onlyA = await usersWith("only-a@race.example");
    const onlyB = await usersWith("only-b@race.example");
    expect(onlyA + onlyB).toBe(imported.length);
    const losers = results.slice(0, 2).filter((r) => "kind" in r && r.kind === "invalid");
    for (const loser of losers)
      expect(loser).toMatchObject({ problems: [{ line: 2, reason: "duplicate email: already registered" }] });
  });
});

describe("the first admin", () => {
  it("is refused while any admin exists, two at once included, and the refusal writes nothing", async () => {
    const before = (await db().select({ n: count() }).from(rosterAudit))[0]!.n;
    const results = await Promise.all([
      createFirstAdmin(db(), { email: "boss@clinic.example" }),
      createFirstAdmin(db(), { email: "boss2@clinic.example" }),
    ]);
    expect(results).toEqual([
      { ok: false, message: "An admin already exists; ask them to invite you." },
      { ok: false, message: "An admin already exists; ask them to invite you." },
    ]);
    expect((await db().select({ n: count() }).from(rosterAudit))[0]!.n).toBe(before);
    expect(await createFirstAdmin(db(), { email: "nope" })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Not a valid email/),
    });
  });

  it("is created on an empty roster, audited as the command's, and only once when two commands race", async () => {
    await db().update(users).set({ role: "clinician" }).where(eq(users.role, "admin"));
    const results = await Promise.all([
      createFirstAdmin(db(), { email: "Boss@Clinic.example", name: "Bo Boss" }),
      createFirstAdmin(db(), { email: "boss2@clinic.example" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db().select({ n: count() }).from(users).where(eq(users.role, "admin"))).toEqual([{ n: 1 }]);
    const created = results.find((r) => r.ok) as { userId: string };
    const [row] = await db().select().from(rosterAudit).where(eq(rosterAudit.subjectId, created.userId));
    expect(row).toMatchObject({ action: "admin_created", actorId: null });
  });
});

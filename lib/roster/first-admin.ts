import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { audit } from "./audit";
import { personEmail } from "./schemas";
import { plainText } from "@/lib/validation";

// One key for every admin:create: two commands run at once cannot both see "no admin yet".
const FIRST_ADMIN_LOCK = 160_001;

export type FirstAdminResult = { ok: true; userId: string; email: string } | { ok: false; message: string };

/** Creates the clinic's first admin; refuses when any admin exists (then admins invite everyone else). */
export async function createFirstAdmin(db: Db, input: { email: string; name?: string }): Promise<FirstAdminResult> {
  const email = personEmail.safeParse(input.email);
  if (!email.success) return { ok: false, message: `Not a valid email address: ${email.error.issues[0]?.message}` };
  const name = plainText({ max: 100, label: "The name" }).safeParse(input.name ?? "");
  if (!name.success) return { ok: false, message: name.error.issues[0]?.message ?? "Not a valid name." };
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${FIRST_ADMIN_LOCK})`);
    const [admin] = await tx.select({ email: users.email }).from(users).where(eq(users.role, "admin")).limit(1);
    if (admin) return { ok: false as const, message: "An admin already exists; ask them to invite you." };
    const [user] = await tx
      .insert(users)
      .values({ email: email.data, name: name.data || null, role: "admin" })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    if (!user) return { ok: false as const, message: `${email.data} is already registered (not as an admin).` };
    await audit(tx, { userId: null, requestHash: null }, [
      { action: "admin_created", subjectId: user.id, details: { email: email.data, via: "admin:create" } },
    ]);
    return { ok: true as const, userId: user.id, email: email.data };
  });
}

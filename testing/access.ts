import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { withStaffAccess, type AccessViewer } from "@/lib/access/record";

/** The seeded (or created) staff member `email` as an access-log viewer, for calling staff queries outside a page. */
export async function staffViewer(db: Db, email: string): Promise<AccessViewer> {
  const [user] = await db.select({ id: users.id, role: users.role }).from(users).where(eq(users.email, email));
  if (!user || user.role === "patient") throw new Error(`no staff member ${email}`);
  return { id: user.id, role: user.role, requestHash: "test-request" };
}

/** Runs staff queries as `email` would from a page: their reads are logged in one insert at the end. */
export async function asStaff<T>(db: Db, email: string, fn: () => Promise<T>): Promise<T> {
  return withStaffAccess(await staffViewer(db, email), fn);
}

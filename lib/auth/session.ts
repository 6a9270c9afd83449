import "server-only";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import type { Role } from "@/db/schema";
import { auth } from "./config";
import { signInPath } from "./return-path";

export type SessionUser = { id: string; email: string; name: string | null; role: Role };

/** The signed-in person from the database session, or null. One lookup per request. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const user = session?.user as (Partial<SessionUser> & { active?: boolean }) | undefined;
  if (!user?.id || !user.email || !user.role || user.active === false) return null;
  return { id: user.id, email: user.email, name: user.name ?? null, role: user.role };
});

/** Pages: signed-out visitors go to sign-in; a signed-in person without the role gets the 403 page. */
export async function requirePageRole(...roles: Role[]): Promise<SessionUser> {
  return requirePageRoleAt(null, ...roles);
}

/** The same for a page that links lead to (a reminder's /visit/<id>): sign-in comes back to `path`. */
export async function requirePageRoleAt(path: string | null, ...roles: Role[]): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(signInPath(path));
  if (!roles.includes(user.role)) forbidden();
  return user;
}

export type Authorization = { ok: true; user: SessionUser } | { ok: false; status: 401 | 403; message: string };

/** Server actions and route handlers: the same check, returned rather than thrown. */
export async function authorize(...roles: Role[]): Promise<Authorization> {
  const user = await currentUser();
  if (!user) return { ok: false, status: 401, message: "Please sign in again." };
  if (!roles.includes(user.role)) return { ok: false, status: 403, message: "You do not have access to this." };
  return { ok: true, user };
}

export const homeFor: Record<Role, string> = {
  patient: "/appointments",
  clinician: "/schedule",
  admin: "/admin",
};

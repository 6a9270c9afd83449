"use server";

import { signOut } from "@/lib/auth/config";

// Deletes the database session row, so the session is revoked everywhere at once.
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}

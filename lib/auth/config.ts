import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { eq } from "drizzle-orm";
import NextAuth from "next-auth";
import ResendProvider from "next-auth/providers/resend";
import { db } from "@/db/client";
import { accounts, sessions, users, verificationTokens, type Role } from "@/db/schema";
import { env } from "@/lib/env";
import { sendSignInEmail } from "./sign-in-email";

export const SIGN_IN_LINK_MINUTES = 15;

// Lazy config: the adapter (and so the database) is created on the first request, never at build.
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const config = env();
  return {
    secret: config.authSecret,
    trustHost: true,
    adapter: DrizzleAdapter(db(), {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    }),
    // Database sessions: revocable by deleting the row, and the role is read fresh on every request.
    session: { strategy: "database", maxAge: 12 * 60 * 60, updateAge: 60 * 60 },
    providers: [
      ResendProvider({
        apiKey: config.resendApiKey,
        from: config.emailFrom,
        maxAge: SIGN_IN_LINK_MINUTES * 60,
        sendVerificationRequest: ({ identifier, url }) => sendSignInEmail(identifier, url),
      }),
    ],
    // Error names only: Auth.js's own messages can carry email addresses.
    logger: {
      error: (error) => console.error(`[auth] ${error.name}`),
      warn: (code) => console.warn(`[auth] warning ${code}`),
      debug: () => {},
    },
    pages: { signIn: "/sign-in", verifyRequest: "/sign-in?sent=1", error: "/sign-in" },
    callbacks: {
      // No self sign-up: only people the clinic registered may finish signing in.
      async signIn({ user }) {
        if (!user.email) return false;
        const [known] = await db()
          .select({ id: users.id })
          .from(users)
          .where(eq(users.email, user.email.toLowerCase()));
        return Boolean(known);
      },
      session({ session, user }) {
        const role = (user as { role?: Role }).role;
        return { ...session, user: { ...session.user, id: user.id, role } };
      },
    },
  };
});

import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth from "next-auth";
import ResendProvider from "next-auth/providers/resend";
import { headers } from "next/headers";
import { db } from "@/db/client";
import { accounts, sessions, users, verificationTokens, type Role } from "@/db/schema";
import { env } from "@/lib/env";
import { authLogger } from "./logger";
import { clientIp } from "./request";
import { sendVerificationRequest } from "./sign-in-email";
import { answerSignInRequest, isRegisteredEmail } from "./sign-in-request";

export const SIGN_IN_LINK_MINUTES = 15;

// Lazy config: the adapter (and so the database) is created on the first request, never at build. `request` is
// Auth.js's own route's request; signIn() from a server action passes none, and that action's headers apply.
export const { handlers, auth, signIn, signOut } = NextAuth((request) => {
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
        sendVerificationRequest,
      }),
    ],
    logger: authLogger,
    pages: { signIn: "/sign-in", verifyRequest: "/sign-in?sent=1", error: "/sign-in" },
    callbacks: {
      // Every request for a link, from the form or Auth.js's own endpoint, passes here before any token exists: the
      // rate limit, then the same answer for an unknown address as for a known one. No self sign-up: using a link
      // needs a registered address too.
      async signIn({ user, account, email }) {
        const address = account?.providerAccountId ?? user.email;
        if (!address) return false;
        if (email?.verificationRequest) {
          return answerSignInRequest(db(), address, clientIp(request?.headers ?? (await headers())));
        }
        return isRegisteredEmail(db(), address);
      },
      session({ session, user }) {
        const { role, deactivatedAt } = user as { role?: Role; deactivatedAt?: Date | null };
        // A deactivated person's sessions are deleted; one racing that deletion still counts as signed out.
        return { ...session, user: { ...session.user, id: user.id, role, active: !deactivatedAt } };
      },
    },
  };
});

import { clientIp } from "@/lib/http/client-ip";
import { sessionRole } from "@/lib/login-sessions/check-login-session";
import { startLoginSession } from "@/lib/login-sessions/start-login-session";
import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accounts, memberships, sessions, users, verificationTokens, type Role } from "@/db/schema";
import { KassaError } from "@/lib/service/errors";
import { logger } from "@/lib/logger";
import { verifyCredentials } from "@/lib/team/verify-credentials";
import { authSecret } from "./secret";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
    merchantId: string;
    role: Role;
    /** The login session this cookie names (login_sessions.id). */
    sid: string;
  }
  interface User {
    merchantId?: string;
    role?: string;
    /** The login session made by this sign-in. */
    sid?: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    uid?: string;
    mid?: string;
    role?: Role;
    sid?: string;
  }
}

class ThrottledSignin extends CredentialsSignin {
  code = "throttled";
}
class InvalidSignin extends CredentialsSignin {
  code = "invalid";
}

const requestIp = (request: Request | undefined): string | null => (request ? clientIp(request.headers) : null);

export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth(async () => {
  const db = await getDb();
  return {
    adapter: DrizzleAdapter(db, {
      usersTable: users as never,
      accountsTable: accounts as never,
      sessionsTable: sessions as never,
      verificationTokensTable: verificationTokens as never,
    }),
    secret: authSecret(),
    trustHost: true,
    // Credentials sign-in needs JWT sessions; the role is re-read from the database on every request.
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    pages: { signIn: "/login" },
    logger: {
      error: (error) => {
        if (error instanceof CredentialsSignin || (error as { type?: string }).type === "CredentialsSignin") return;
        logger.error({ err: error }, "auth error");
      },
      warn: (code) => logger.warn({ code }, "auth warning"),
      debug: () => undefined,
    },
    providers: [
      Credentials({
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, request) {
          const email = typeof credentials?.email === "string" ? credentials.email : "";
          const password = typeof credentials?.password === "string" ? credentials.password : "";
          if (!email || !password) throw new InvalidSignin();
          try {
            const ip = requestIp(request);
            const who = await verifyCredentials({ db, email, password, ip });
            const sid = await startLoginSession(db, { userId: who.userId, ip, userAgent: request?.headers.get("user-agent") ?? null });
            return { id: who.userId, email: who.email, name: who.name, merchantId: who.merchantId, role: who.role, sid };
          } catch (error) {
            if (error instanceof KassaError && error.code === "login_throttled") throw new ThrottledSignin();
            if (error instanceof KassaError && error.code === "invalid_credentials") throw new InvalidSignin();
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user, trigger, session }) {
        if (user?.id) {
          token.uid = user.id;
          token.mid = user.merchantId;
          token.sid = user.sid;
        }
        if (!token.uid || !token.mid || !token.sid) return null;
        // Switching merchants only to one the user belongs to (rare: an explicit update).
        if (trigger === "update" && typeof session?.merchantId === "string") {
          const [member] = await db
            .select({ role: memberships.role })
            .from(memberships)
            .where(and(eq(memberships.userId, token.uid), eq(memberships.merchantId, session.merchantId)));
          if (member) token.mid = session.merchantId;
        }
        // One read per request: a signed-out session ends a copied cookie too, and the role is
        // authoritative only in the database, so a changed or removed member sees it at once.
        const live = await sessionRole(db, { sessionId: token.sid, userId: token.uid, merchantId: token.mid });
        if (!live?.role) return null;
        token.role = live.role;
        return token;
      },
      async session({ session, token }) {
        session.user.id = token.uid!;
        session.merchantId = token.mid!;
        session.role = token.role!;
        session.sid = token.sid!;
        return session;
      },
    },
  };
});

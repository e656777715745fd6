// Auth.js (next-auth v5): email and password, JWT sessions that expire after
// an hour without activity and 12 hours after sign-in in any case. Who may do
// what is decided by requireRole(), which reads the account from the database
// once per request and compares its session version with the JWT's, so sign-out,
// deactivation, a changed role, delegation or password end every session of
// the account at once (lib/users/session.ts).
import "server-only";
import { cache } from "react";
import NextAuth, { CredentialsSignin } from "next-auth";
import { encode } from "next-auth/jwt";
import Credentials from "next-auth/providers/credentials";
import { appUrl, env, requireSecret } from "@/lib/env";
import { now } from "@/lib/clock";
import { clientIp } from "@/lib/http/client-ip";
import { verifyCredentials, type TRole } from "@/lib/users/verify-credentials";
import {
  SESSION_IDLE_SECONDS,
  endSession,
  sessionAccount,
  sessionSecondsLeft,
  withinLifetime,
  type TCurrentUser,
} from "@/lib/users/session";

export type { TCurrentUser };

/** Thrown by authorize() so the sign-in form can say the address is locked. */
export class LockedSignIn extends CredentialsSignin {
  code = "locked";
}

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string; role: TRole };
    /** The account's session version at sign-in, and the sign-in time (ms): see lib/users/session.ts. */
    sv?: number;
    sat?: number;
  }
  interface User {
    role?: TRole;
    sessionVersion?: number;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: requireSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS, updateAge: 0 },
  // Each re-issued JWT expires after an hour of idleness, but never past 12 hours after sign-in.
  jwt: {
    encode: (params) =>
      encode({
        ...params,
        maxAge: typeof params.token?.sat === "number" ? sessionSecondsLeft(params.token.sat) : params.maxAge,
      }),
  },
  pages: { signIn: "/en/sign-in" },
  logger: {
    error(error) {
      const cause = (error.cause as { err?: Error & { code?: string } } | undefined)?.err;
      // A cookie sent after its JWT expired (the 12 hours are over; the cookie itself lasts the idle hour) is
      // an ordinary end of session: Auth.js clears it. Anything else is logged as Auth.js would.
      if (cause?.code === "ERR_JWT_EXPIRED") return;
      console.error(`[auth][error] ${error.name}: ${error.message}`, cause?.stack ?? "");
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const result = await verifyCredentials(credentials?.email, credentials?.password, {
          clientIp: clientIp(request.headers),
        });
        if (result.ok) return result.user;
        if (result.reason === "locked") throw new LockedSignIn();
        return null;
      },
    }),
  ],
  callbacks: {
    // Redirects stay on this site, at APP_URL when it is set: never on a host a request named
    // (Auth.js, trusting the host, would build them from Host or X-Forwarded-Host).
    redirect({ url, baseUrl }) {
      const base = env().APP_URL ? appUrl() : baseUrl;
      if (url.startsWith("/") && !url.startsWith("//")) return `${base}${url}`;
      try {
        const target = new URL(url);
        if (target.origin === new URL(base).origin) return url;
      } catch {
        /* not an address: home */
      }
      return base;
    },
    // Runs at sign-in (with `user`) and on every auth() call (the proxy's refresh on staff pages, currentUser).
    // It does not read the database: currentUser does, and compares the session version there.
    jwt({ token, user }) {
      if (user?.id) {
        token.uid = user.id;
        token.role = user.role;
        token.sv = user.sessionVersion;
        token.sat = now().getTime();
      }
      // Past 12 hours after sign-in (or from before sign-in times were kept): no session, and the cookie is cleared.
      return withinLifetime(token.sat) ? token : null;
    },
    session({ session, token }) {
      session.user = {
        ...session.user,
        id: String(token.uid),
        role: token.role as TRole,
        email: session.user?.email ?? "",
        name: session.user?.name ?? "",
      };
      session.sv = typeof token.sv === "number" ? token.sv : undefined;
      session.sat = typeof token.sat === "number" ? token.sat : undefined;
      return session;
    },
  },
  events: {
    // Sign-out (the header's form, a Server Action, or POST /api/auth/signout) ends every session of the account.
    async signOut(message) {
      if ("token" in message && message.token) await endSession({ uid: message.token.uid, sv: message.token.sv });
    },
  },
}));

/**
 * The signed-in account as the database has it now, or null (no session, or one that has ended).
 * Read once per request (React's cache): the header, the page and its checks all get the same answer.
 */
export const currentUser = cache(async (): Promise<TCurrentUser | null> => {
  const session = await auth();
  if (!session?.user) return null;
  return sessionAccount({ uid: session.user.id, sv: session.sv, sat: session.sat });
});

export class AccessDenied extends Error {
  constructor(readonly status: 401 | 403) {
    super(status === 401 ? "Sign in first." : "Your role does not allow this.");
  }
}

const RANK: Record<TRole, TRole[]> = {
  admin: ["admin"],
  moderator: ["admin", "moderator"],
  delegate: ["admin", "delegate"],
};

/**
 * The one authorization check. Every moderation page, Server Action and Route
 * Handler calls it itself (proxy.ts is never the guard). Admins may do what
 * moderators and delegates may. Throws AccessDenied (401 or 403).
 */
export async function requireRole(role: TRole): Promise<TCurrentUser> {
  const user = await currentUser();
  if (!user) throw new AccessDenied(401);
  if (!RANK[role].includes(user.role)) throw new AccessDenied(403);
  return user;
}

/**
 * requireRole for a page: anonymous visitors go to the sign-in page and come
 * back; a signed-in account without the role gets "not found", which says
 * nothing about what is there.
 */
export async function requireRoleForPage(role: TRole, locale: string, path: string): Promise<TCurrentUser> {
  const { redirect, notFound } = await import("next/navigation");
  try {
    return await requireRole(role);
  } catch (e) {
    if (!(e instanceof AccessDenied)) throw e;
    if (e.status === 401) redirect(`/${locale}/sign-in?callbackUrl=${encodeURIComponent(path)}`);
    return notFound();
  }
}

/** requireRole for a Server Action: the account, or null (the action answers with an error state). */
export async function requireRoleOrNull(role: TRole): Promise<TCurrentUser | null> {
  try {
    return await requireRole(role);
  } catch (e) {
    if (e instanceof AccessDenied) return null;
    throw e;
  }
}

/**
 * requireRole for a Route Handler: the account, or the API's error answer (401 unauthenticated, 403 forbidden,
 * in the shape of lib/api/wire.ts) to return as it is.
 */
export async function requireRoleForApi(role: TRole): Promise<TCurrentUser | Response> {
  try {
    return await requireRole(role);
  } catch (e) {
    if (!(e instanceof AccessDenied)) throw e;
    return Response.json(
      { error: { code: e.status === 401 ? "unauthenticated" : "forbidden", message: e.message } },
      { status: e.status },
    );
  }
}
